using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Modules.IncomeSupport.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "income_support_pathways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FirstApplicationOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SelfSufficientOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeRecordedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_income_support_pathways", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "income_support_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MonthsWithoutSupport = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_income_support_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "income_support_barriers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PathwayId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_income_support_barriers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_income_support_barriers_income_support_pathways_PathwayId",
                        column: x => x.PathwayId,
                        principalTable: "income_support_pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "income_support_monthly_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PathwayId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    SupportPaid = table.Column<bool>(type: "boolean", nullable: false),
                    Reasons = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_income_support_monthly_statuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_income_support_monthly_statuses_income_support_pathways_Pat~",
                        column: x => x.PathwayId,
                        principalTable: "income_support_pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "income_support_plan_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PathwayId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_income_support_plan_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_income_support_plan_steps_income_support_pathways_PathwayId",
                        column: x => x.PathwayId,
                        principalTable: "income_support_pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_income_support_barriers_PathwayId",
                table: "income_support_barriers",
                column: "PathwayId");

            migrationBuilder.CreateIndex(
                name: "IX_income_support_barriers_TenantId_PathwayId",
                table: "income_support_barriers",
                columns: new[] { "TenantId", "PathwayId" });

            migrationBuilder.CreateIndex(
                name: "IX_income_support_monthly_statuses_PathwayId",
                table: "income_support_monthly_statuses",
                column: "PathwayId");

            migrationBuilder.CreateIndex(
                name: "IX_income_support_monthly_statuses_TenantId_PathwayId_Month",
                table: "income_support_monthly_statuses",
                columns: new[] { "TenantId", "PathwayId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_income_support_pathways_TenantId_FirstApplicationOn",
                table: "income_support_pathways",
                columns: new[] { "TenantId", "FirstApplicationOn" });

            migrationBuilder.CreateIndex(
                name: "IX_income_support_pathways_TenantId_HouseholdReference",
                table: "income_support_pathways",
                columns: new[] { "TenantId", "HouseholdReference" });

            migrationBuilder.CreateIndex(
                name: "IX_income_support_pathways_TenantId_ParticipantId",
                table: "income_support_pathways",
                columns: new[] { "TenantId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_income_support_plan_steps_PathwayId",
                table: "income_support_plan_steps",
                column: "PathwayId");

            migrationBuilder.CreateIndex(
                name: "IX_income_support_plan_steps_TenantId_PathwayId",
                table: "income_support_plan_steps",
                columns: new[] { "TenantId", "PathwayId" });

            migrationBuilder.CreateIndex(
                name: "IX_income_support_settings_TenantId",
                table: "income_support_settings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "income_support_barriers");

            migrationBuilder.DropTable(
                name: "income_support_monthly_statuses");

            migrationBuilder.DropTable(
                name: "income_support_plan_steps");

            migrationBuilder.DropTable(
                name: "income_support_settings");

            migrationBuilder.DropTable(
                name: "income_support_pathways");
        }
    }
}
