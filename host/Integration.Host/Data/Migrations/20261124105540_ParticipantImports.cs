using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ParticipantImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_participant_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_participant_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_import_rejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_core_import_rejections_ImportId",
                table: "core_import_rejections",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_core_import_rejections_TenantId_ImportId_Row",
                table: "core_import_rejections",
                columns: new[] { "TenantId", "ImportId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_imports_Status",
                table: "core_participant_imports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_imports_TenantId_CreatedAt",
                table: "core_participant_imports",
                columns: new[] { "TenantId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_import_rejections");

            migrationBuilder.DropTable(
                name: "core_participant_imports");
        }
    }
}
