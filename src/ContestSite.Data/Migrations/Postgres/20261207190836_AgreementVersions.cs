using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContestSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgreementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreementVersionId",
                table: "AccessApplications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TrackId = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAcceptances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementVersionId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementAcceptances_AgreementVersions_AgreementVersionId",
                        column: x => x.AgreementVersionId,
                        principalTable: "AgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AgreementVersions",
                columns: new[] { "Id", "ChangeNote", "Kind", "Markdown", "Number", "PublishedAt", "PublishedById", "TrackId" },
                values: new object[] { 1, null, "DataUse", "本团队承诺：所获数据仅用于本届大赛的参赛作品；不向任何第三方提供、转让或公开；大赛结束后删除全部数据及其副本；使用全过程接受组委会审计。", 1, new DateTimeOffset(new DateTime(2020, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, null });

            // The seeded first version took id 1 by hand; the identity column would hand out 1 again.
            migrationBuilder.Sql("ALTER TABLE \"AgreementVersions\" ALTER COLUMN \"Id\" RESTART WITH 2;");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAcceptances_AgreementVersionId_TeamId",
                table: "AgreementAcceptances",
                columns: new[] { "AgreementVersionId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_Kind_TrackId_Number",
                table: "AgreementVersions",
                columns: new[] { "Kind", "TrackId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementAcceptances");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "AgreementVersionId",
                table: "AccessApplications");
        }
    }
}
