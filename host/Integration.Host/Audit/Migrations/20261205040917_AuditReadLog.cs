using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Audit.Migrations
{
    /// <inheritdoc />
    internal partial class AuditReadLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_audit_reads",
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
                    table.PrimaryKey("PK_core_audit_reads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_reads_TenantId_Id",
                table: "core_audit_reads",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_reads_TenantId_ParticipantId_Id",
                table: "core_audit_reads",
                columns: new[] { "TenantId", "ParticipantId", "Id" });

            // Entries of the read log are numbered from 10^15, so that an id names one entry across both audit tables
            // (core_audit_entries stays far below it).
            migrationBuilder.Sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('core_audit_reads', 999999999999999);");

            // Append-only in the database too, not only in the application.
            migrationBuilder.Sql("CREATE TRIGGER core_audit_reads_no_update BEFORE UPDATE ON core_audit_reads BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER core_audit_reads_no_delete BEFORE DELETE ON core_audit_reads BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS core_audit_reads_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS core_audit_reads_no_delete;");
            migrationBuilder.DropTable(
                name: "core_audit_reads");
        }
    }
}
