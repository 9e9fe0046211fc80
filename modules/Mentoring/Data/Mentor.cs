using Integration.Abstractions.Data;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.Mentoring.Data;

/// <summary>
/// A volunteer language buddy (språkvän), a workplace supervisor (handledare) or a lead supervisor (huvudhandledare)
/// who can be matched with participants, up to <see cref="Capacity"/> active matches at a time.
/// </summary>
internal sealed class Mentor : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public MentorKind Kind { get; set; }

    /// <summary>As the mentor states it.</summary>
    public Gender Gender { get; set; }

    /// <summary>ISO 639 codes.</summary>
    public List<string> Languages { get; set; } = [];

    public List<Sector> Sectors { get; set; } = [];

    /// <summary>The employer or organisation the mentor comes from (a workplace supervisor's workplace), if any.</summary>
    public string? Organisation { get; set; }

    /// <summary>When the mentor can meet, in words ("tisdagar efter 17").</summary>
    public string? Availability { get; set; }

    /// <summary>The weekdays the mentor can meet, when given.</summary>
    public List<DayOfWeek> Weekdays { get; set; } = [];

    /// <summary>Most active matches at a time; at least 1.</summary>
    public int Capacity { get; set; }

    /// <summary>An inactive mentor gets no new matches and no suggestions.</summary>
    public bool Active { get; set; }

    /// <summary>Raised by every change of the mentor; the ETag.</summary>
    public long Version { get; set; }

    /// <summary>
    /// Raised whenever one of the mentor's matches becomes active, in the same save, so that two requests filling the
    /// mentor's last place at the same moment cannot both succeed (a concurrency token).
    /// </summary>
    public long MatchStamp { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal enum MentorKind
{
    /// <summary>Språkvän: a volunteer who meets the participant to speak Swedish.</summary>
    LanguageBuddy = 1,

    /// <summary>Handledare at a workplace, for example during an internship.</summary>
    WorkplaceSupervisor = 2,

    /// <summary>Huvudhandledare: a lead supervisor who follows the participant through the programme.</summary>
    LeadSupervisor = 3,
}

/// <summary>Sectors of the labour market that mentors know and participants wish to work in.</summary>
internal enum Sector
{
    /// <summary>Vård och omsorg.</summary>
    Care = 1,

    /// <summary>Skola och förskola.</summary>
    Education = 2,

    /// <summary>Bygg och anläggning.</summary>
    Construction = 3,

    /// <summary>Industri och tillverkning.</summary>
    Manufacturing = 4,

    /// <summary>Handel.</summary>
    Retail = 5,

    /// <summary>Hotell, restaurang och storkök.</summary>
    Hospitality = 6,

    /// <summary>Transport och lager.</summary>
    Transport = 7,

    /// <summary>Städ och fastighetsservice.</summary>
    Cleaning = 8,

    /// <summary>Jord, skog och trädgård.</summary>
    Agriculture = 9,

    /// <summary>IT och teknik.</summary>
    Technology = 10,

    /// <summary>Administration och ekonomi.</summary>
    Office = 11,

    /// <summary>Kultur, föreningsliv och annat.</summary>
    Other = 12,
}
