using Integration.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Integration.Host.Tests.Configuration;

/// <summary>The provider switch is configuration only, and a wrong setting stops start-up naming it.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Sqlite_is_the_default_with_a_file_in_the_data_folder()
    {
        var settings = Read(("Integration:DataPath", "/srv/integration"));

        Assert.Equal(DatabaseProvider.Sqlite, settings.DatabaseProvider);
        Assert.Equal("Data Source=/srv/integration/integration.db", settings.ConnectionString);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=/srv/integration/integration.db;Pooling=False", "Data Source=/srv/integration/integration-audit-reads.db;Pooling=False")]
    [InlineData("PostgreSql", "Host=db;Database=integration", "Host=db;Database=integration")]
    public void The_read_log_is_a_file_beside_the_records_on_sqlite_and_the_same_database_on_postgresql(string provider, string connectionString, string readLog)
    {
        var settings = Read(("Integration:Database:Provider", provider), ("Integration:Database:ConnectionString", connectionString));

        Assert.Equal(readLog, new Integration.Host.Data.DatabaseConfigurator(settings).AuditReadsConnectionString);
    }

    [Fact]
    public void PostgreSql_takes_the_connection_string_it_is_given()
    {
        var settings = Read(("Integration:Database:Provider", "postgresql"), ("Integration:Database:ConnectionString", "Host=db;Database=integration"));

        Assert.Equal(DatabaseProvider.PostgreSql, settings.DatabaseProvider);
        Assert.Equal("Host=db;Database=integration", settings.ConnectionString);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_names_the_setting()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(("Integration:Database:Provider", "PostgreSql")));

        Assert.Equal("Integration:Database:ConnectionString", error.Setting);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=/srv/integration.db;Cache=Shared", true)]
    [InlineData("Sqlite", "Data Source=/srv/my data/integration.db", true)]
    [InlineData("Sqlite", "Data\\ Source=/srv/integration.db", false)]
    [InlineData("Sqlite", "Data Source=/srv/integration.db;Colour=blue", false)]
    [InlineData("PostgreSql", "Host=db;Database=integration;Password=secret-word", true)]
    [InlineData("PostgreSql", "Host=db;Databse=integration;Password=secret-word", false)]
    [InlineData("PostgreSql", "Host=db;Port=fifty;Password=secret-word", false)]
    public void A_connection_string_the_driver_cannot_read_names_the_setting_and_never_shows_a_password(string provider, string connectionString, bool valid)
    {
        var read = () => Read(("Integration:Database:Provider", provider), ("Integration:Database:ConnectionString", connectionString));

        if (valid)
        {
            Assert.Equal(connectionString, read().ConnectionString);
            return;
        }

        var error = Assert.Throws<ConfigurationException>(read);
        Assert.Equal("Integration:Database:ConnectionString", error.Setting);
        Assert.DoesNotContain("secret-word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_names_the_setting()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(("Integration:Database:Provider", "Oracle")));

        Assert.Equal("Integration:Database:Provider", error.Setting);
    }

    [Theory]
    [InlineData(null, 32)]
    [InlineData("0", 0)]
    [InlineData("256", 256)]
    public void Sqlites_memory_cap_is_32_MB_unless_configured(string? value, int megabytes)
    {
        var settings = value is null ? Read() : Read(("Integration:Database:SqliteMemoryLimitMegabytes", value));

        Assert.Equal(megabytes, settings.SqliteMemoryLimitMegabytes);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("32MB")]
    public void A_memory_cap_that_is_not_a_number_of_megabytes_names_the_setting(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(("Integration:Database:SqliteMemoryLimitMegabytes", value)));

        Assert.Equal("Integration:Database:SqliteMemoryLimitMegabytes", error.Setting);
    }

    private static IntegrationSettings Read(params (string Key, string Value)[] values) =>
        IntegrationSettingsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
