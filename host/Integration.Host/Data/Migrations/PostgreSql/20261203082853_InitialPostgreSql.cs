using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Integration.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Fields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_follow_up_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Request = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Matched = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    SkippedConsentWithdrawn = table.Column<int>(type: "integer", nullable: false),
                    SkippedNoExitDate = table.Column<int>(type: "integer", nullable: false),
                    SkippedAlreadyScheduled = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_follow_up_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_follow_up_policy_settings",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Offsets = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RepeatEvery = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_follow_up_policy_settings", x => new { x.TenantId, x.PolicyId });
                });

            migrationBuilder.CreateTable(
                name: "core_job_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    JobName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BackgroundJobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_participant_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    ImportedRows = table.Column<int>(type: "integer", nullable: false),
                    RejectedRows = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_participant_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdentityKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IdentityNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: true),
                    CountryOfBirth = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ArrivalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Current_LabourMarketStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Current_EducationLevel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Current_ThirdCountryNational = table.Column<bool>(type: "boolean", nullable: true),
                    Current_Disability = table.Column<bool>(type: "boolean", nullable: true),
                    Current_IncomeSupport = table.Column<bool>(type: "boolean", nullable: true),
                    Entry_LabourMarketStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Entry_EducationLevel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Entry_ThirdCountryNational = table.Column<bool>(type: "boolean", nullable: true),
                    Entry_Disability = table.Column<bool>(type: "boolean", nullable: true),
                    Entry_IncomeSupport = table.Column<bool>(type: "boolean", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_participants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Funder = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProjectNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetSek = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    GrantSek = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    PlannedParticipants = table.Column<int>(type: "integer", nullable: true),
                    PlannedWomen = table.Column<int>(type: "integer", nullable: true),
                    PlannedMen = table.Column<int>(type: "integer", nullable: true),
                    MunicipalityCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ModuleIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_rollup_cells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AgeBand = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Measure = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    N = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_rollup_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_rollup_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    BackgroundJobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_rollup_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_tenants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    CountyCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_import_rejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_import_rejections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_import_rejections_core_participant_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "core_participant_imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitReason = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstStart = table.Column<DateOnly>(type: "date", nullable: true),
                    LastExit = table.Column<DateOnly>(type: "date", nullable: true),
                    Entry_LabourMarketStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Entry_EducationLevel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Entry_ThirdCountryNational = table.Column<bool>(type: "boolean", nullable: true),
                    Entry_Disability = table.Column<bool>(type: "boolean", nullable: true),
                    Entry_IncomeSupport = table.Column<bool>(type: "boolean", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "core_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_role_claims_core_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "core_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_tenant_modules",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EnabledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnabledByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_tenant_modules", x => new { x.TenantId, x.ModuleId });
                    table.ForeignKey(
                        name: "FK_core_tenant_modules_core_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "core_tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_staff_permission_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Permission = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GrantedById = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_staff_permission_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_staff_permission_grants_core_users_UserId",
                        column: x => x.UserId,
                        principalTable: "core_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_user_claims_core_users_UserId",
                        column: x => x.UserId,
                        principalTable: "core_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_core_user_logins_core_users_UserId",
                        column: x => x.UserId,
                        principalTable: "core_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_user_roles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_core_user_roles_core_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "core_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_core_user_roles_core_users_UserId",
                        column: x => x.UserId,
                        principalTable: "core_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_core_user_tokens_core_users_UserId",
                        column: x => x.UserId,
                        principalTable: "core_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_enrolment_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "core_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ModuleId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PolicyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubjectId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HoldReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reached = table.Column<bool>(type: "boolean", nullable: true),
                    OutcomeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_follow_ups_core_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "core_enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_core_follow_ups_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByModule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "core_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FollowUpId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUpKind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Delivery = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_notifications_core_follow_ups_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "core_follow_ups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_core_enrolments_one_ongoing",
                table: "core_enrolments",
                columns: new[] { "TenantId", "ParticipantId", "ProgrammeId", "ModuleId" },
                unique: true,
                filter: "\"Status\" <> 'Exited'");

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
                columns: new[] { "TenantId", "ProgrammeId", "ModuleId", "Status", "ParticipantId", "StartDate", "ExitDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_up_batches_TenantId_IdempotencyKey",
                table: "core_follow_up_batches",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_ClaimToken",
                table: "core_follow_ups",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_EnrolmentId",
                table: "core_follow_ups",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_ParticipantId",
                table: "core_follow_ups",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_State_DueOn",
                table: "core_follow_ups",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_BatchId",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "BatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_Key",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_ParticipantId",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_PolicyId_SubjectId",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "PolicyId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_State_DueOn",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "State", "DueOn", "EnrolmentId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_import_rejections_ImportId",
                table: "core_import_rejections",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_core_import_rejections_TenantId_ImportId_Row",
                table: "core_import_rejections",
                columns: new[] { "TenantId", "ImportId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_core_job_runs_TenantId_StartedAt",
                table: "core_job_runs",
                columns: new[] { "TenantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_Delivery",
                table: "core_notifications",
                column: "Delivery");

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_FollowUpId_Kind_DueOn",
                table: "core_notifications",
                columns: new[] { "FollowUpId", "Kind", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_TenantId_RecipientId_CreatedAt",
                table: "core_notifications",
                columns: new[] { "TenantId", "RecipientId", "CreatedAt" });

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
                name: "IX_core_outcomes_TenantId_Type_ParticipantId_Date",
                table: "core_outcomes",
                columns: new[] { "TenantId", "Type", "ParticipantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_imports_Status",
                table: "core_participant_imports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_imports_TenantId_CreatedAt",
                table: "core_participant_imports",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_ParticipantId",
                table: "core_participant_names",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_TenantId_Token_SortKey_ParticipantId",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "SortKey", "ParticipantId" });

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

            migrationBuilder.CreateIndex(
                name: "IX_core_role_claims_RoleId",
                table: "core_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "core_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_rollup_cells_TenantId_ProgrammeId_Period",
                table: "core_rollup_cells",
                columns: new[] { "TenantId", "ProgrammeId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_core_rollup_runs_State",
                table: "core_rollup_runs",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_core_rollup_runs_TenantId_CreatedAt",
                table: "core_rollup_runs",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_staff_permission_grants_one_in_force",
                table: "core_staff_permission_grants",
                columns: new[] { "TenantId", "UserId", "Permission" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_core_staff_permission_grants_TenantId_UserId_RevokedAt",
                table: "core_staff_permission_grants",
                columns: new[] { "TenantId", "UserId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_staff_permission_grants_UserId",
                table: "core_staff_permission_grants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_core_tenant_modules_ModuleId",
                table: "core_tenant_modules",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_core_tenants_MunicipalityCode",
                table: "core_tenants",
                column: "MunicipalityCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_user_claims_UserId",
                table: "core_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_core_user_logins_UserId",
                table: "core_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_core_user_roles_RoleId",
                table: "core_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "core_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_core_users_TenantId",
                table: "core_users",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "core_users",
                column: "NormalizedUserName",
                unique: true);

            // The audit log is append-only in the database too, not only in the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION core_audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit entries are append-only';
                END;
                $$;
                CREATE TRIGGER core_audit_entries_no_change BEFORE UPDATE OR DELETE ON core_audit_entries
                    FOR EACH ROW EXECUTE FUNCTION core_audit_entries_append_only();
                CREATE TRIGGER core_audit_entries_no_truncate BEFORE TRUNCATE ON core_audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION core_audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS core_audit_entries_no_change ON core_audit_entries; DROP TRIGGER IF EXISTS core_audit_entries_no_truncate ON core_audit_entries; DROP FUNCTION IF EXISTS core_audit_entries_append_only();");

            migrationBuilder.DropTable(
                name: "core_audit_entries");

            migrationBuilder.DropTable(
                name: "core_consents");

            migrationBuilder.DropTable(
                name: "core_enrolment_changes");

            migrationBuilder.DropTable(
                name: "core_follow_up_batches");

            migrationBuilder.DropTable(
                name: "core_follow_up_policy_settings");

            migrationBuilder.DropTable(
                name: "core_import_rejections");

            migrationBuilder.DropTable(
                name: "core_job_runs");

            migrationBuilder.DropTable(
                name: "core_notifications");

            migrationBuilder.DropTable(
                name: "core_outcomes");

            migrationBuilder.DropTable(
                name: "core_participant_names");

            migrationBuilder.DropTable(
                name: "core_participations");

            migrationBuilder.DropTable(
                name: "core_role_claims");

            migrationBuilder.DropTable(
                name: "core_rollup_cells");

            migrationBuilder.DropTable(
                name: "core_rollup_runs");

            migrationBuilder.DropTable(
                name: "core_staff_permission_grants");

            migrationBuilder.DropTable(
                name: "core_tenant_modules");

            migrationBuilder.DropTable(
                name: "core_user_claims");

            migrationBuilder.DropTable(
                name: "core_user_logins");

            migrationBuilder.DropTable(
                name: "core_user_roles");

            migrationBuilder.DropTable(
                name: "core_user_tokens");

            migrationBuilder.DropTable(
                name: "core_participant_imports");

            migrationBuilder.DropTable(
                name: "core_follow_ups");

            migrationBuilder.DropTable(
                name: "core_tenants");

            migrationBuilder.DropTable(
                name: "core_roles");

            migrationBuilder.DropTable(
                name: "core_users");

            migrationBuilder.DropTable(
                name: "core_enrolments");

            migrationBuilder.DropTable(
                name: "core_participants");

            migrationBuilder.DropTable(
                name: "core_programmes");
        }
    }
}
