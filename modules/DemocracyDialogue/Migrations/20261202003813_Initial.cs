using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.DemocracyDialogue.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "democracy_dialogue_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facilitator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Interpretation = table.Column<string>(type: "TEXT", nullable: false),
                    PartnerOrganisations = table.Column<string>(type: "TEXT", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InfluenceScore = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_attendance_democracy_dialogue_events_EventId",
                        column: x => x.EventId,
                        principalTable: "democracy_dialogue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_head_counts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_head_counts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_head_counts_democracy_dialogue_events_EventId",
                        column: x => x.EventId,
                        principalTable: "democracy_dialogue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Theme = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyKind = table.Column<int>(type: "INTEGER", nullable: true),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerContent = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    ReminderParticipantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_proposals_democracy_dialogue_events_EventId",
                        column: x => x.EventId,
                        principalTable: "democracy_dialogue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_proposal_raisers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_proposal_raisers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_proposal_raisers_democracy_dialogue_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "democracy_dialogue_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_attendance_EventId_ParticipantId",
                table: "democracy_dialogue_attendance",
                columns: new[] { "EventId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_attendance_TenantId_ParticipantId",
                table: "democracy_dialogue_attendance",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_events_TenantId_Date",
                table: "democracy_dialogue_events",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_events_TenantId_ProgrammeId_Date",
                table: "democracy_dialogue_events",
                columns: new[] { "TenantId", "ProgrammeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_head_counts_EventId_Gender_AgeBand",
                table: "democracy_dialogue_head_counts",
                columns: new[] { "EventId", "Gender", "AgeBand" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_proposal_raisers_ProposalId_ParticipantId",
                table: "democracy_dialogue_proposal_raisers",
                columns: new[] { "ProposalId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_proposal_raisers_TenantId_ParticipantId",
                table: "democracy_dialogue_proposal_raisers",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_proposals_EventId",
                table: "democracy_dialogue_proposals",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_democracy_dialogue_proposals_TenantId_SentOn",
                table: "democracy_dialogue_proposals",
                columns: new[] { "TenantId", "SentOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "democracy_dialogue_attendance");

            migrationBuilder.DropTable(
                name: "democracy_dialogue_head_counts");

            migrationBuilder.DropTable(
                name: "democracy_dialogue_proposal_raisers");

            migrationBuilder.DropTable(
                name: "democracy_dialogue_proposals");

            migrationBuilder.DropTable(
                name: "democracy_dialogue_events");
        }
    }
}
