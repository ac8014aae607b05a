using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds the foreign key below by rebuilding AccessApplications from this migration's target model, so that
            // model (Designer) includes OpinionDueAt, which ApplicationOpinionDeadline (made on another branch) adds first.
            migrationBuilder.AddColumn<int>(
                name: "SuspendedByIncidentId",
                table: "AccessApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataIncidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpenScope = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LiftedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LiftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataIncidents_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessApplications_SuspendedByIncidentId",
                table: "AccessApplications",
                column: "SuspendedByIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_DataIncidents_DatasetId",
                table: "DataIncidents",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_DataIncidents_LiftedAt_DatasetId",
                table: "DataIncidents",
                columns: new[] { "LiftedAt", "DatasetId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataIncidents_OpenScope",
                table: "DataIncidents",
                column: "OpenScope",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AccessApplications_DataIncidents_SuspendedByIncidentId",
                table: "AccessApplications",
                column: "SuspendedByIncidentId",
                principalTable: "DataIncidents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccessApplications_DataIncidents_SuspendedByIncidentId",
                table: "AccessApplications");

            migrationBuilder.DropTable(
                name: "DataIncidents");

            migrationBuilder.DropIndex(
                name: "IX_AccessApplications_SuspendedByIncidentId",
                table: "AccessApplications");

            migrationBuilder.DropColumn(
                name: "SuspendedByIncidentId",
                table: "AccessApplications");
        }
    }
}
