using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.Mentoring.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mentoring_mentors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Sectors = table.Column<string>(type: "TEXT", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Weekdays = table.Column<string>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchStamp = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_mentors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_preferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectorWishes = table.Column<string>(type: "TEXT", nullable: false),
                    PreferredMentorGender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PreferredMentorKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_preferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_internships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinutesPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LedToJobOffer = table.Column<bool>(type: "INTEGER", nullable: true),
                    OutcomeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_internships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_internships_mentoring_mentors_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "mentoring_mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_matches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActiveSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PausedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_matches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_matches_mentoring_mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "mentoring_mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_goals_mentoring_matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "mentoring_matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_meetings_mentoring_matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "mentoring_matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_goal_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_goal_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mentoring_goal_updates_mentoring_goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "mentoring_goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_goal_updates_GoalId",
                table: "mentoring_goal_updates",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_goal_updates_TenantId_GoalId_Date",
                table: "mentoring_goal_updates",
                columns: new[] { "TenantId", "GoalId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_goals_MatchId",
                table: "mentoring_goals",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_goals_TenantId_MatchId",
                table: "mentoring_goals",
                columns: new[] { "TenantId", "MatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_goals_TenantId_ParticipantId",
                table: "mentoring_goals",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_internships_SupervisorId",
                table: "mentoring_internships",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_internships_TenantId_EndedOn",
                table: "mentoring_internships",
                columns: new[] { "TenantId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_internships_TenantId_ParticipantId",
                table: "mentoring_internships",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_internships_TenantId_StartDate",
                table: "mentoring_internships",
                columns: new[] { "TenantId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_internships_TenantId_SupervisorId",
                table: "mentoring_internships",
                columns: new[] { "TenantId", "SupervisorId" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_matches_MentorId",
                table: "mentoring_matches",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_matches_TenantId_MentorId_Status",
                table: "mentoring_matches",
                columns: new[] { "TenantId", "MentorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_matches_TenantId_ParticipantId",
                table: "mentoring_matches",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_matches_TenantId_StartDate",
                table: "mentoring_matches",
                columns: new[] { "TenantId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_meetings_MatchId",
                table: "mentoring_meetings",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_meetings_TenantId_MatchId_Date",
                table: "mentoring_meetings",
                columns: new[] { "TenantId", "MatchId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_meetings_TenantId_ParticipantId",
                table: "mentoring_meetings",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_mentors_TenantId_Kind_Active",
                table: "mentoring_mentors",
                columns: new[] { "TenantId", "Kind", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_mentors_TenantId_Name",
                table: "mentoring_mentors",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_mentoring_preferences_TenantId_ParticipantId",
                table: "mentoring_preferences",
                columns: new[] { "TenantId", "ParticipantId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mentoring_goal_updates");

            migrationBuilder.DropTable(
                name: "mentoring_internships");

            migrationBuilder.DropTable(
                name: "mentoring_meetings");

            migrationBuilder.DropTable(
                name: "mentoring_preferences");

            migrationBuilder.DropTable(
                name: "mentoring_goals");

            migrationBuilder.DropTable(
                name: "mentoring_matches");

            migrationBuilder.DropTable(
                name: "mentoring_mentors");
        }
    }
}
