using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_rollup_cells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    N = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_rollup_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_rollup_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    BackgroundJobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_rollup_runs", x => x.Id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_rollup_cells");

            migrationBuilder.DropTable(
                name: "core_rollup_runs");
        }
    }
}
