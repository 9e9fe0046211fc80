using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.Mentoring.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mentoring_mentors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Sectors = table.Column<string[]>(type: "text[]", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Availability = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Weekdays = table.Column<string[]>(type: "text[]", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    MatchStamp = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_mentors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_preferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectorWishes = table.Column<string[]>(type: "text[]", nullable: false),
                    PreferredMentorGender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PreferredMentorKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mentoring_preferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_internships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Occupation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MinutesPerWeek = table.Column<int>(type: "integer", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LedToJobOffer = table.Column<bool>(type: "boolean", nullable: true),
                    OutcomeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ActiveSince = table.Column<DateOnly>(type: "date", nullable: false),
                    PausedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
