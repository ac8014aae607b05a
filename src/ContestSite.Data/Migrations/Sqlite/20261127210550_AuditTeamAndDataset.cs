using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTeamAndDataset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DatasetId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TeamId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_DatasetId_At",
                table: "AuditEntries",
                columns: new[] { "DatasetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TeamId_At",
                table: "AuditEntries",
                columns: new[] { "TeamId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_DatasetId_At",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TeamId_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "DatasetId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "AuditEntries");
        }
    }
}
