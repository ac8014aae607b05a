// The shared builders (organizer, contestant, team, judge, entry) read like part of every feature's tests.
global using static ContestSite.Web.Tests.Infrastructure.SiteBuilders;
