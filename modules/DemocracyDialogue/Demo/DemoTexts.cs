using Integration.Modules.DemocracyDialogue.Data;

namespace Integration.Modules.DemocracyDialogue.Demo;

/// <summary>Synthetic texts for the demo data: topics, places, facilitators, partners and proposals (no real people).</summary>
internal static class DemoTexts
{
    public static readonly IReadOnlyDictionary<DialogueFormat, string[]> Topics = new Dictionary<DialogueFormat, string[]>
    {
        [DialogueFormat.DialogueMeeting] = ["Hur fattas beslut i kommunen?", "Att vara förälder i Sverige", "Föreningslivet i byn", "Trygghet i bostadsområdet"],
        [DialogueFormat.StudyVisitToCouncil] = ["Studiebesök: kommunfullmäktiges sammanträde", "Studiebesök: så arbetar en nämnd"],
        [DialogueFormat.CitizenPanel] = ["Medborgarpanel: kollektivtrafik på landsbygden", "Medborgarpanel: bostäder för unga vuxna", "Medborgarpanel: fritid för barn och unga"],
        [DialogueFormat.InterreligiousDialogue] = ["Högtider vi firar", "Tro och vardag i ett nytt land", "Att mötas över gränser"],
    };

    public static readonly string[] Places = ["Medborgarhuset", "Biblioteket, samlingsrummet", "Kommunhuset, sessionssalen", "Församlingshemmet", "Folkets hus"];

    public static readonly string[] Facilitators = ["Projektmedarbetare, demokratiinsatsen", "Samordnare för medborgardialog", "Cirkelledare från studieförbundet"];

    public static readonly string[] Partners = ["Studieförbundet", "Svenska kyrkan, församlingen", "Islamiska kulturföreningen", "Hyresgästföreningen", "Röda Korset, lokalavdelningen"];

    public static readonly (ProposalTheme Theme, string Text)[] Proposals =
    [
        (ProposalTheme.Housing, "Fler hyreslägenheter med rimlig hyra för barnfamiljer."),
        (ProposalTheme.Housing, "Information om bostadskön på fler språk."),
        (ProposalTheme.Transport, "Bussen till tätorten bör gå även på kvällar och helger."),
        (ProposalTheme.Transport, "En säker gång- och cykelväg till skolan."),
        (ProposalTheme.Schools, "Modersmålsundervisning i fler språk på skolan."),
        (ProposalTheme.Schools, "Föräldramöten med tolk."),
        (ProposalTheme.Leisure, "Öppettider för simhallen som passar kvinnor och flickor."),
        (ProposalTheme.Leisure, "En mötesplats för unga på fredagskvällar."),
        (ProposalTheme.Other, "Kommunens blanketter på lätt svenska."),
    ];

    public static readonly (MunicipalBodyKind Kind, string Name)[] Bodies =
    [
        (MunicipalBodyKind.Committee, "Samhällsbyggnadsnämnden"),
        (MunicipalBodyKind.Committee, "Barn- och utbildningsnämnden"),
        (MunicipalBodyKind.Committee, "Kultur- och fritidsnämnden"),
        (MunicipalBodyKind.Board, "Kommunstyrelsen"),
        (MunicipalBodyKind.Council, "Kommunfullmäktige"),
    ];

    public static readonly string[] Answers =
    [
        "Nämnden tackar för förslaget och har gett förvaltningen i uppdrag att genomföra det.",
        "Förslaget genomförs delvis inom befintlig budget.",
        "Förslaget avslås med hänvisning till budgetläget, men frågan tas upp igen i nästa års plan.",
    ];
}
