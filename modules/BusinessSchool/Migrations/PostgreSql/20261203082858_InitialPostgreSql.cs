using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.BusinessSchool.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "business_school_advice_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Adviser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Partner = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PartnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NextStep = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextStepBy = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_advice_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "business_school_companies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalForm = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    RegistrationAppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FTaxApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Industry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SniCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    OutcomeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "business_school_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "business_school_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "business_school_company_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Point = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Turnover = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Employees = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_company_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_school_company_checks_business_school_companies_Co~",
                        column: x => x.CompanyId,
                        principalTable: "business_school_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "business_school_cohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_cohorts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_school_cohorts_business_school_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "business_school_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "business_school_cohort_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_cohort_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_school_cohort_members_business_school_cohorts_Coho~",
                        column: x => x.CohortId,
                        principalTable: "business_school_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "business_school_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Teacher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_school_sessions_business_school_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "business_school_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "business_school_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_school_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_school_attendance_business_school_sessions_Session~",
                        column: x => x.SessionId,
                        principalTable: "business_school_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_advice_meetings_TenantId_Date",
                table: "business_school_advice_meetings",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_advice_meetings_TenantId_ParticipantId_Date",
                table: "business_school_advice_meetings",
                columns: new[] { "TenantId", "ParticipantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_attendance_SessionId",
                table: "business_school_attendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_business_school_attendance_TenantId_ParticipantId",
                table: "business_school_attendance",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_attendance_TenantId_SessionId_ParticipantId",
                table: "business_school_attendance",
                columns: new[] { "TenantId", "SessionId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_business_school_cohort_members_CohortId",
                table: "business_school_cohort_members",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_business_school_cohort_members_TenantId_CohortId_Participan~",
                table: "business_school_cohort_members",
                columns: new[] { "TenantId", "CohortId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_business_school_cohort_members_TenantId_ParticipantId",
                table: "business_school_cohort_members",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_cohorts_CourseId",
                table: "business_school_cohorts",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_business_school_cohorts_TenantId_CourseId_StartDate",
                table: "business_school_cohorts",
                columns: new[] { "TenantId", "CourseId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_cohorts_TenantId_EndDate",
                table: "business_school_cohorts",
                columns: new[] { "TenantId", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_companies_TenantId_OrganisationNumber",
                table: "business_school_companies",
                columns: new[] { "TenantId", "OrganisationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_business_school_companies_TenantId_ParticipantId",
                table: "business_school_companies",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_companies_TenantId_RegisteredOn",
                table: "business_school_companies",
                columns: new[] { "TenantId", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_company_checks_CompanyId",
                table: "business_school_company_checks",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_business_school_company_checks_TenantId_CompanyId_Point",
                table: "business_school_company_checks",
                columns: new[] { "TenantId", "CompanyId", "Point" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_business_school_company_checks_TenantId_ParticipantId",
                table: "business_school_company_checks",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_business_school_milestones_TenantId_ParticipantId_Kind",
                table: "business_school_milestones",
                columns: new[] { "TenantId", "ParticipantId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_business_school_sessions_CohortId",
                table: "business_school_sessions",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_business_school_sessions_TenantId_CohortId_Date",
                table: "business_school_sessions",
                columns: new[] { "TenantId", "CohortId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_school_advice_meetings");

            migrationBuilder.DropTable(
                name: "business_school_attendance");

            migrationBuilder.DropTable(
                name: "business_school_cohort_members");

            migrationBuilder.DropTable(
                name: "business_school_company_checks");

            migrationBuilder.DropTable(
                name: "business_school_milestones");

            migrationBuilder.DropTable(
                name: "business_school_sessions");

            migrationBuilder.DropTable(
                name: "business_school_companies");

            migrationBuilder.DropTable(
                name: "business_school_cohorts");

            migrationBuilder.DropTable(
                name: "business_school_courses");
        }
    }
}
