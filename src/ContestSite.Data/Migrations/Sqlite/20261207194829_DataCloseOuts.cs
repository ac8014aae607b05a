using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataCloseOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InBundle",
                table: "DownloadRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ResourceId",
                table: "DownloadRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CloseOuts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EscalationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloseOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloseOuts_AccessApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AccessApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CloseOuts_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CloseOuts_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CloseOutAttestations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CloseOutId = table.Column<int>(type: "INTEGER", nullable: false),
                    AttestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AttestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloseOutAttestations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloseOutAttestations_AspNetUsers_AttestedById",
                        column: x => x.AttestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CloseOutAttestations_CloseOuts_CloseOutId",
                        column: x => x.CloseOutId,
                        principalTable: "CloseOuts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CloseOutDeletedFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttestationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloseOutDeletedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloseOutDeletedFiles_CloseOutAttestations_AttestationId",
                        column: x => x.AttestationId,
                        principalTable: "CloseOutAttestations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DownloadRecords_TeamId_DatasetId_At",
                table: "DownloadRecords",
                columns: new[] { "TeamId", "DatasetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CloseOutAttestations_AttestedById",
                table: "CloseOutAttestations",
                column: "AttestedById");

            migrationBuilder.CreateIndex(
                name: "IX_CloseOutAttestations_CloseOutId",
                table: "CloseOutAttestations",
                column: "CloseOutId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloseOutDeletedFiles_AttestationId_ResourceId",
                table: "CloseOutDeletedFiles",
                columns: new[] { "AttestationId", "ResourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloseOuts_ApplicationId",
                table: "CloseOuts",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloseOuts_DatasetId",
                table: "CloseOuts",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_CloseOuts_State_DueAt",
                table: "CloseOuts",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CloseOuts_TeamId_DatasetId",
                table: "CloseOuts",
                columns: new[] { "TeamId", "DatasetId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CloseOutDeletedFiles");

            migrationBuilder.DropTable(
                name: "CloseOutAttestations");

            migrationBuilder.DropTable(
                name: "CloseOuts");

            migrationBuilder.DropIndex(
                name: "IX_DownloadRecords_TeamId_DatasetId_At",
                table: "DownloadRecords");

            migrationBuilder.DropColumn(
                name: "InBundle",
                table: "DownloadRecords");

            migrationBuilder.DropColumn(
                name: "ResourceId",
                table: "DownloadRecords");
        }
    }
}
