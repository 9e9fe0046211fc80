using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integration.Abstractions.Data;

/// <summary>
/// Stores instants as UTC <see cref="DateTime"/> values and reads them back with <see cref="DateTimeKind.Utc"/>.
/// </summary>
/// <remarks>
/// Instants are <see cref="DateTime"/> in UTC rather than <see cref="DateTimeOffset"/> because SQLite cannot compare or
/// order <see cref="DateTimeOffset"/> columns in SQL, while UTC <see cref="DateTime"/> works the same on SQLite and PostgreSQL.
/// <see cref="ModuleDbContext"/> applies it to every <see cref="DateTime"/> property.
/// </remarks>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
