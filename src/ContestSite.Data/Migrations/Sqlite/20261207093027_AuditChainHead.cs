using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChainHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DigestMailedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            // The head starts where the chain already is, so appends continue it.
            migrationBuilder.Sql("""
                INSERT INTO "AuditChainHeads" ("Id", "Sequence", "Hash", "DigestMailedOn")
                SELECT 1,
                       COALESCE((SELECT MAX("Id") FROM "AuditEntries"), 0),
                       COALESCE((SELECT "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000'),
                       NULL
                """);

            migrationBuilder.CreateTable(
                name: "AuditVerificationRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Checked = table.Column<long>(type: "INTEGER", nullable: false),
                    BrokenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreakKind = table.Column<int>(type: "INTEGER", nullable: true),
                    BreakPreviousId = table.Column<long>(type: "INTEGER", nullable: true),
                    BreakReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnchoredUpTo = table.Column<long>(type: "INTEGER", nullable: true),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditVerificationRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditVerificationRuns_Status",
                table: "AuditVerificationRuns",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropTable(
                name: "AuditVerificationRuns");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditEntries");
        }
    }
}
