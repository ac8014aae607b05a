using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Datasets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AcceptsContributions",
                table: "Contests",
                type: "boolean",
                nullable: false,
                // Contributions are on unless an organizer turns them off, in contests that exist already too.
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "DatasetContributions",
                columns: table => new
                {
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContributorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    ContributedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
