using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatasetReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "Datasets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastEditedById",
                table: "Datasets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewRound",
                table: "Datasets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "Datasets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "Datasets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DatasetReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchSize = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SensitiveFieldsConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaskingRulesComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenTypeJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OpenType = table.Column<int>(type: "INTEGER", nullable: false),
                    SensitivityLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    SensitiveFields = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ByRecipe = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatasetReviews_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_ImportId",
                table: "Datasets",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_DatasetReviews_BatchId",
                table: "DatasetReviews",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_DatasetReviews_DatasetId_Round",
                table: "DatasetReviews",
                columns: new[] { "DatasetId", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatasetReviews");

            migrationBuilder.DropIndex(
                name: "IX_Datasets_ImportId",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "LastEditedById",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "ReviewRound",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "Datasets");
        }
    }
}
