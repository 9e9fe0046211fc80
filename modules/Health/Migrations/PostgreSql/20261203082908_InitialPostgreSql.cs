using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.Health.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "health_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Leader = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "health_course_places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_course_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_course_places_health_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "health_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "health_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Activity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    InterpreterLanguage = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_sessions_health_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "health_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "health_who5_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Point = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Item1 = table.Column<int>(type: "integer", nullable: false),
                    Item2 = table.Column<int>(type: "integer", nullable: false),
                    Item3 = table.Column<int>(type: "integer", nullable: false),
                    Item4 = table.Column<int>(type: "integer", nullable: false),
                    Item5 = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_who5_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_who5_scores_health_course_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "health_course_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_health_who5_scores_health_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "health_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "health_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_attendance_health_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "health_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "health_conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferredToHealthCare = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_conversations_health_who5_scores_ScoreId",
                        column: x => x.ScoreId,
                        principalTable: "health_who5_scores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_health_attendance_SessionId",
                table: "health_attendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_health_attendance_TenantId_ParticipantId",
                table: "health_attendance",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_attendance_TenantId_SessionId_ParticipantId",
                table: "health_attendance",
                columns: new[] { "TenantId", "SessionId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_health_conversations_ScoreId",
                table: "health_conversations",
                column: "ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_health_conversations_TenantId_ParticipantId",
                table: "health_conversations",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_conversations_TenantId_ScoreId",
                table: "health_conversations",
                columns: new[] { "TenantId", "ScoreId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_course_places_CourseId",
                table: "health_course_places",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_health_course_places_TenantId_CourseId_ParticipantId",
                table: "health_course_places",
                columns: new[] { "TenantId", "CourseId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_health_course_places_TenantId_ParticipantId",
                table: "health_course_places",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_courses_TenantId_StartDate",
                table: "health_courses",
                columns: new[] { "TenantId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_health_sessions_CourseId",
                table: "health_sessions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_health_sessions_TenantId_CourseId_Date",
                table: "health_sessions",
                columns: new[] { "TenantId", "CourseId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_health_sessions_TenantId_Kind_Date",
                table: "health_sessions",
                columns: new[] { "TenantId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_health_who5_scores_CourseId",
                table: "health_who5_scores",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_health_who5_scores_PlaceId",
                table: "health_who5_scores",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_health_who5_scores_TenantId_CourseId_ParticipantId_Point",
                table: "health_who5_scores",
                columns: new[] { "TenantId", "CourseId", "ParticipantId", "Point" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_health_who5_scores_TenantId_MeasuredOn",
                table: "health_who5_scores",
                columns: new[] { "TenantId", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_health_who5_scores_TenantId_ParticipantId",
                table: "health_who5_scores",
                columns: new[] { "TenantId", "ParticipantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_attendance");

            migrationBuilder.DropTable(
                name: "health_conversations");

            migrationBuilder.DropTable(
                name: "health_sessions");

            migrationBuilder.DropTable(
                name: "health_who5_scores");

            migrationBuilder.DropTable(
                name: "health_course_places");

            migrationBuilder.DropTable(
                name: "health_courses");
        }
    }
}
