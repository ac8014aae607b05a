# ContestSite (浙江省数据开放创新应用大赛): built with the .NET 10 SDK, run on the ASP.NET Core 10
# runtime as a non-root user. All state (database, files, index, keys, mail pickup) lives in /data.
#   docker build -t contestsite .
#   docker run -p 8080:8080 -v contestsite-data:/data -e ContestSite__PublicBaseUrl=https://contest.example.cn contestsite
# ContestSite__PublicBaseUrl is required: mailed links are built from it and other Host names are refused.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src

# Restore from the build settings, the central package versions and the project files alone, so
# this layer stays cached until one of them changes.
COPY Directory.Build.props Directory.Packages.props ContestSite.sln ./
COPY src/ContestSite.Core/ContestSite.Core.csproj     src/ContestSite.Core/
COPY src/ContestSite.Data/ContestSite.Data.csproj     src/ContestSite.Data/
COPY src/ContestSite.Search/ContestSite.Search.csproj src/ContestSite.Search/
COPY src/ContestSite.Web/ContestSite.Web.csproj       src/ContestSite.Web/
COPY themes/ContestSite.Theme/ContestSite.Theme.csproj themes/ContestSite.Theme/
RUN dotnet restore src/ContestSite.Web/ContestSite.Web.csproj

# Then the sources. The Web project links ../../recipes/** as content, so recipes/ must be there too.
COPY .editorconfig ./
COPY src/ src/
COPY themes/ themes/
COPY recipes/ recipes/
RUN dotnet publish src/ContestSite.Web/ContestSite.Web.csproj -c Release -o /app --no-restore


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The health check needs an HTTP client and the runtime image has none (no curl, no wget), and the
# site has no "check health" command of its own. curl is installed in one layer, without recommends,
# with the package lists removed: a small, well-known tool, rather than a hand-written HTTP request.
# The award certificates (PDF) embed a Chinese font with TrueType outlines: WenQuanYi Micro Hei, the
# default of ContestSite__Certificates__FontPath (PDFsharp cannot embed Noto CJK's CFF outlines).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*

# The image's non-root user "app" (UID 1654) owns /data and nothing else: the site's files are root's
# and read-only to it.
RUN mkdir -p /data && chown 1654:1654 /data
WORKDIR /app
COPY --from=build /app ./

ENV ContestSite__AppDataPath=/data \
    ASPNETCORE_URLS=http://+:8080
VOLUME /data
EXPOSE 8080
USER 1654

# /healthz answers 200 when the database is reachable. The first start migrates the database and
# runs the default recipe, hence the start period. The request names the public host, since the site
# refuses (400) a Host header that is not it: the host is the public address without scheme and path.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD host="${ContestSite__PublicBaseUrl#*://}"; \
        curl --fail --silent --show-error --max-time 4 -H "Host: ${host%%/*}" http://127.0.0.1:8080/healthz || exit 1

ENTRYPOINT ["dotnet", "ContestSite.Web.dll"]
