using Integration.Abstractions.Data;

namespace Integration.Modules.DemocracyDialogue.Data;

/// <summary>A proposal (medborgarförslag) raised at an event, on its way to a municipal body and back.</summary>
internal sealed class Proposal : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EventId { get; set; }

    public required string Text { get; set; }

    public ProposalTheme Theme { get; set; }

    public MunicipalBodyKind? BodyKind { get; set; }

    public string? BodyName { get; set; }

    public DateOnly? SentOn { get; set; }

    /// <summary>The date of the answer; for <see cref="ProposalDecision.NoAnswer"/> the date it was closed without one.</summary>
    public DateOnly? AnsweredOn { get; set; }

    public string? AnswerContent { get; set; }

    public ProposalDecision? Decision { get; set; }

    /// <summary>The participant whose follow-up list carries the reminder (the host's follow-ups are per participant).</summary>
    public Guid? ReminderParticipantId { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A participant who raised a proposal; <see cref="Position"/> keeps the order they were given in.</summary>
internal sealed class ProposalRaiser : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ProposalId { get; set; }

    public Guid ParticipantId { get; set; }

    public int Position { get; set; }
}

/// <summary>What a proposal is about.</summary>
internal enum ProposalTheme
{
    /// <summary>Bostäder.</summary>
    Housing = 1,

    /// <summary>Kollektivtrafik och resor.</summary>
    Transport = 2,

    /// <summary>Skola och förskola.</summary>
    Schools = 3,

    /// <summary>Fritid och föreningsliv.</summary>
    Leisure = 4,

    /// <summary>Annat.</summary>
    Other = 5,
}

/// <summary>The kind of municipal body a proposal is sent to.</summary>
internal enum MunicipalBodyKind
{
    /// <summary>Nämnd or utskott.</summary>
    Committee = 1,

    /// <summary>Styrelse (kommunstyrelsen, a company board).</summary>
    Board = 2,

    /// <summary>Kommunfullmäktige.</summary>
    Council = 3,
}

/// <summary>What the municipal body decided.</summary>
internal enum ProposalDecision
{
    /// <summary>Bifall.</summary>
    Accepted = 1,

    /// <summary>Delvis bifall.</summary>
    Partly = 2,

    /// <summary>Avslag.</summary>
    Rejected = 3,

    /// <summary>No answer came: the proposal is closed without one.</summary>
    NoAnswer = 4,
}
