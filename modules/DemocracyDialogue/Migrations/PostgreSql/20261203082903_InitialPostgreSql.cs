using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.DemocracyDialogue.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "democracy_dialogue_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Facilitator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Interpretation = table.Column<List<string>>(type: "text[]", nullable: false),
                    PartnerOrganisations = table.Column<List<string>>(type: "text[]", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    InfluenceScore = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_attendance_democracy_dialogue_events_Eve~",
                        column: x => x.EventId,
                        principalTable: "democracy_dialogue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_head_counts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    AgeBand = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_head_counts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_head_counts_democracy_dialogue_events_Ev~",
                        column: x => x.EventId,
                        principalTable: "democracy_dialogue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Theme = table.Column<int>(type: "integer", nullable: false),
                    BodyKind = table.Column<int>(type: "integer", nullable: true),
                    BodyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerContent = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: true),
                    ReminderParticipantId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_proposals_democracy_dialogue_events_Even~",
                        column: x => x.EventId,
                        principalTable: "democracy_dialogue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "democracy_dialogue_proposal_raisers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_democracy_dialogue_proposal_raisers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_democracy_dialogue_proposal_raisers_democracy_dialogue_prop~",
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
