using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContestSite.Data.Migrations.Postgres
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DigestMailedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpTo = table.Column<long>(type: "bigint", nullable: false),
                    Checked = table.Column<long>(type: "bigint", nullable: false),
                    BrokenAt = table.Column<long>(type: "bigint", nullable: true),
                    BreakKind = table.Column<int>(type: "integer", nullable: true),
                    BreakPreviousId = table.Column<long>(type: "bigint", nullable: true),
                    BreakReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnchoredUpTo = table.Column<long>(type: "bigint", nullable: true),
                    HeartbeatAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
