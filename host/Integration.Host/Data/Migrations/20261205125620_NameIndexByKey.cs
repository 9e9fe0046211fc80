using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <summary>
    /// The name index keyed by the search's order, in a table WITHOUT ROWID, and no longer indexed by participant (see
    /// <see cref="Participants.ParticipantName"/>). Written by hand: EF Core has no WITHOUT ROWID, and would rebuild the
    /// table as an ordinary one. <c>NameIndexTableTests</c> checks the table's form after every migration.
    /// </summary>
    internal partial class NameIndexByKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // OR IGNORE: a participant's words are distinct, so no two rows share a key; should an old row repeat one, it
            // repeats the same search entry.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_core_participant_names" (
                    "TenantId" TEXT NOT NULL,
                    "Token" TEXT NOT NULL,
                    "SortKey" TEXT NOT NULL DEFAULT '',
                    "ParticipantId" TEXT NOT NULL,
                    "PreviousToken" TEXT NULL,
                    CONSTRAINT "PK_core_participant_names" PRIMARY KEY ("TenantId", "Token", "SortKey", "ParticipantId"),
                    CONSTRAINT "FK_core_participant_names_core_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "core_participants" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO "ef_temp_core_participant_names" ("TenantId", "Token", "SortKey", "ParticipantId", "PreviousToken")
                SELECT "TenantId", "Token", "SortKey", "ParticipantId", "PreviousToken" FROM "core_participant_names"
                ORDER BY "TenantId", "Token", "SortKey", "ParticipantId";
                DROP TABLE "core_participant_names";
                ALTER TABLE "ef_temp_core_participant_names" RENAME TO "core_participant_names";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_core_participant_names" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_core_participant_names" PRIMARY KEY AUTOINCREMENT,
                    "TenantId" TEXT NOT NULL,
                    "Token" TEXT NOT NULL,
                    "ParticipantId" TEXT NOT NULL,
                    "SortKey" TEXT NOT NULL DEFAULT '',
                    "PreviousToken" TEXT NULL,
                    CONSTRAINT "FK_core_participant_names_core_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "core_participants" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_core_participant_names" ("TenantId", "Token", "ParticipantId", "SortKey", "PreviousToken")
                SELECT "TenantId", "Token", "ParticipantId", "SortKey", "PreviousToken" FROM "core_participant_names";
                DROP TABLE "core_participant_names";
                ALTER TABLE "ef_temp_core_participant_names" RENAME TO "core_participant_names";
                CREATE INDEX "IX_core_participant_names_ParticipantId" ON "core_participant_names" ("ParticipantId");
                CREATE INDEX "IX_core_participant_names_search" ON "core_participant_names" ("TenantId", "Token", "SortKey", "ParticipantId", "PreviousToken");
                """);
        }
    }
}
