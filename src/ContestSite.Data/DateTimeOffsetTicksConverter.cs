using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContestSite.Data;

/// <summary>Stores a moment as UTC ticks, so SQLite can compare and sort it; read back as UTC.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Writes every moment with offset zero (the same instant), as PostgreSQL's timestamptz requires.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
