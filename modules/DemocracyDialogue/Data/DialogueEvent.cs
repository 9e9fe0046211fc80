using Integration.Abstractions.Data;

namespace Integration.Modules.DemocracyDialogue.Data;

/// <summary>A dialogue event: a dialogue meeting, a study visit to the council, a citizen panel or an interreligious dialogue.</summary>
internal sealed class DialogueEvent : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The programme the event is run in: an id only, no foreign key into the host's tables.</summary>
    public Guid ProgrammeId { get; set; }

    public required string Topic { get; set; }

    public DialogueFormat Format { get; set; }

    public DateOnly Date { get; set; }

    public required string Place { get; set; }

    /// <summary>The name of the member of staff or partner who leads the event.</summary>
    public required string Facilitator { get; set; }

    /// <summary>ISO 639 codes of the languages the event is held in.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>ISO 639 codes of the languages interpreted into.</summary>
    public List<string> Interpretation { get; set; } = [];

    public List<string> PartnerOrganisations { get; set; } = [];

    /// <summary>Open to anyone (anonymous head counts allowed) rather than to registered participants only.</summary>
    public bool IsOpen { get; set; }

    /// <summary>Raised by every change, attendance included; the ETag.</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>The kinds of dialogue event.</summary>
internal enum DialogueFormat
{
    /// <summary>Interkulturell dialogträff.</summary>
    DialogueMeeting = 1,

    /// <summary>Studiebesök i kommunfullmäktige.</summary>
    StudyVisitToCouncil = 2,

    /// <summary>Medborgarpanel.</summary>
    CitizenPanel = 3,

    /// <summary>Interreligiös dialog.</summary>
    InterreligiousDialogue = 4,
}
