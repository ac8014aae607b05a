using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContestSite.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastEditedById",
                table: "Datasets",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewRound",
                table: "Datasets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "Datasets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "Datasets",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DatasetReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchSize = table.Column<int>(type: "integer", nullable: false),
                    LevelConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    SensitiveFieldsConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    MaskingRulesComplete = table.Column<bool>(type: "boolean", nullable: false),
                    OpenTypeJustification = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OpenType = table.Column<int>(type: "integer", nullable: false),
                    SensitivityLevel = table.Column<int>(type: "integer", nullable: true),
                    SensitiveFields = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubmittedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ByRecipe = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
