using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContestSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Bundles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AgreementAcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpinionRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeciderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessApplications_AspNetUsers_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessApplications_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessApplications_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bundles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    Terms = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bundles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bundles_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DownloadRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FieldMaskingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    KeepFirst = table.Column<int>(type: "integer", nullable: true),
                    KeepLast = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldMaskingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldMaskingRules_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaskingSecrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ProtectedKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaskingSecrets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClearedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClearedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskFlags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertOpinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    JudgeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    JudgeName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Supports = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertOpinions_AccessApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AccessApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BundleDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BundleId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BundleDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BundleDatasets_Bundles_BundleId",
                        column: x => x.BundleId,
                        principalTable: "Bundles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BundleDatasets_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessApplications_ApplicantId",
                table: "AccessApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessApplications_DatasetId",
                table: "AccessApplications",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessApplications_Status_SubmittedAt",
                table: "AccessApplications",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessApplications_TeamId_DatasetId",
                table: "AccessApplications",
                columns: new[] { "TeamId", "DatasetId" });

            migrationBuilder.CreateIndex(
                name: "IX_BundleDatasets_BundleId_DatasetId",
                table: "BundleDatasets",
                columns: new[] { "BundleId", "DatasetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BundleDatasets_DatasetId",
                table: "BundleDatasets",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_Bundles_TrackId",
                table: "Bundles",
                column: "TrackId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DownloadRecords_TeamId_At",
                table: "DownloadRecords",
                columns: new[] { "TeamId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DownloadRecords_UserId_At",
                table: "DownloadRecords",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertOpinions_ApplicationId_JudgeId",
                table: "ExpertOpinions",
                columns: new[] { "ApplicationId", "JudgeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldMaskingRules_DatasetId_FieldName",
                table: "FieldMaskingRules",
                columns: new[] { "DatasetId", "FieldName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskFlags_ClearedAt_TeamId",
                table: "RiskFlags",
                columns: new[] { "ClearedAt", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskFlags_ClearedAt_UserId",
                table: "RiskFlags",
                columns: new[] { "ClearedAt", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BundleDatasets");

            migrationBuilder.DropTable(
                name: "DownloadRecords");

            migrationBuilder.DropTable(
                name: "ExpertOpinions");

            migrationBuilder.DropTable(
                name: "FieldMaskingRules");

            migrationBuilder.DropTable(
                name: "MaskingSecrets");

            migrationBuilder.DropTable(
                name: "RiskFlags");

            migrationBuilder.DropTable(
                name: "Bundles");

            migrationBuilder.DropTable(
                name: "AccessApplications");
        }
    }
}
