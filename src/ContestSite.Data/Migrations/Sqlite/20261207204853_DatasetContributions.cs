using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatasetContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Licence",
                table: "Datasets",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Datasets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AcceptsContributions",
                table: "Contests",
                type: "INTEGER",
                nullable: false,
                // Contributions are on unless an organizer turns them off, in contests that exist already too.
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "DatasetContributions",
                columns: table => new
                {
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContributorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContributedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetContributions", x => x.DatasetId);
                    table.ForeignKey(
                        name: "FK_DatasetContributions_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DatasetContributions_ContributorId_ContributedAt",
                table: "DatasetContributions",
                columns: new[] { "ContributorId", "ContributedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatasetContributions");

            migrationBuilder.DropColumn(
                name: "Licence",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "AcceptsContributions",
                table: "Contests");
        }
    }
}
