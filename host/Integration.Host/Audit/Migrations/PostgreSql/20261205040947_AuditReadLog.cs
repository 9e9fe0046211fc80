using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Integration.Host.Audit.Migrations.PostgreSql
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
            // (core_audit_entries stays far below it). Append-only in the database too, not only in the application.
            migrationBuilder.Sql("""
                ALTER TABLE core_audit_reads ALTER COLUMN "Id" RESTART WITH 1000000000000000;
                CREATE FUNCTION core_audit_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit entries are append-only';
                END;
                $$;
                CREATE TRIGGER core_audit_reads_no_change BEFORE UPDATE OR DELETE ON core_audit_reads
                    FOR EACH ROW EXECUTE FUNCTION core_audit_reads_append_only();
                CREATE TRIGGER core_audit_reads_no_truncate BEFORE TRUNCATE ON core_audit_reads
                    FOR EACH STATEMENT EXECUTE FUNCTION core_audit_reads_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS core_audit_reads_no_change ON core_audit_reads; DROP TRIGGER IF EXISTS core_audit_reads_no_truncate ON core_audit_reads; DROP FUNCTION IF EXISTS core_audit_reads_append_only();");
            migrationBuilder.DropTable(
                name: "core_audit_reads");
        }
    }
}
