using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class CoreRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdentityKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IdentityNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    CountryOfBirth = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ArrivalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    InterpreterNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Current_LabourMarketStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Current_EducationLevel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Current_ThirdCountryNational = table.Column<bool>(type: "INTEGER", nullable: true),
                    Current_Disability = table.Column<bool>(type: "INTEGER", nullable: true),
                    Current_IncomeSupport = table.Column<bool>(type: "INTEGER", nullable: true),
                    Entry_LabourMarketStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Entry_EducationLevel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Entry_ThirdCountryNational = table.Column<bool>(type: "INTEGER", nullable: true),
                    Entry_Disability = table.Column<bool>(type: "INTEGER", nullable: true),
                    Entry_IncomeSupport = table.Column<bool>(type: "INTEGER", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_participants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Funder = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProjectNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BudgetSek = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    GrantSek = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    PlannedParticipants = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedWomen = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedMen = table.Column<int>(type: "INTEGER", nullable: true),
                    MunicipalityCodes = table.Column<string>(type: "TEXT", nullable: false),
                    ModuleIds = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_consents_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_participant_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_participant_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_participant_names_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitReason = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_enrolments_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_core_enrolments_core_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "core_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_participations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastExit = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Entry_LabourMarketStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Entry_EducationLevel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Entry_ThirdCountryNational = table.Column<bool>(type: "INTEGER", nullable: true),
                    Entry_Disability = table.Column<bool>(type: "INTEGER", nullable: true),
                    Entry_IncomeSupport = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_participations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_participations_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_core_participations_core_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "core_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_enrolment_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_enrolment_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_enrolment_changes_core_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "core_enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByModule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_outcomes_core_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "core_enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_core_outcomes_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_entries_TenantId_Id",
                table: "core_audit_entries",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_entries_TenantId_ParticipantId_Id",
                table: "core_audit_entries",
                columns: new[] { "TenantId", "ParticipantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_consents_ParticipantId",
                table: "core_consents",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_consents_TenantId_ParticipantId_Purpose",
                table: "core_consents",
                columns: new[] { "TenantId", "ParticipantId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolment_changes_EnrolmentId",
                table: "core_enrolment_changes",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolment_changes_TenantId_EnrolmentId",
                table: "core_enrolment_changes",
                columns: new[] { "TenantId", "EnrolmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_ParticipantId",
                table: "core_enrolments",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_ProgrammeId",
                table: "core_enrolments",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_TenantId_ParticipantId",
                table: "core_enrolments",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_TenantId_ProgrammeId_ModuleId_Status",
                table: "core_enrolments",
                columns: new[] { "TenantId", "ProgrammeId", "ModuleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_core_outcomes_EnrolmentId",
                table: "core_outcomes",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_core_outcomes_ParticipantId",
                table: "core_outcomes",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_outcomes_TenantId_ParticipantId_Date",
                table: "core_outcomes",
                columns: new[] { "TenantId", "ParticipantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_ParticipantId",
                table: "core_participant_names",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_TenantId_Token_ParticipantId",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participants_TenantId_BirthYear",
                table: "core_participants",
                columns: new[] { "TenantId", "BirthYear" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participants_TenantId_FamilyName_GivenName",
                table: "core_participants",
                columns: new[] { "TenantId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participants_TenantId_IdentityNumber",
                table: "core_participants",
                columns: new[] { "TenantId", "IdentityNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_participations_ParticipantId",
                table: "core_participations",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_participations_ProgrammeId",
                table: "core_participations",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_core_participations_TenantId_ProgrammeId_ParticipantId",
                table: "core_participations",
                columns: new[] { "TenantId", "ProgrammeId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_programmes_TenantId_Name",
                table: "core_programmes",
                columns: new[] { "TenantId", "Name" });

            // The audit log is append-only in the database too, not only in the application.
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("CREATE TRIGGER core_audit_entries_no_update BEFORE UPDATE ON core_audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
                migrationBuilder.Sql("CREATE TRIGGER core_audit_entries_no_delete BEFORE DELETE ON core_audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS core_audit_entries_no_update;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS core_audit_entries_no_delete;");
            }

            migrationBuilder.DropTable(
                name: "core_audit_entries");

            migrationBuilder.DropTable(
                name: "core_consents");

            migrationBuilder.DropTable(
                name: "core_enrolment_changes");

            migrationBuilder.DropTable(
                name: "core_outcomes");

            migrationBuilder.DropTable(
                name: "core_participant_names");

            migrationBuilder.DropTable(
                name: "core_participations");

            migrationBuilder.DropTable(
                name: "core_enrolments");

            migrationBuilder.DropTable(
                name: "core_participants");

            migrationBuilder.DropTable(
                name: "core_programmes");
        }
    }
}
