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

    [Fact]
    public void An_unknown_provider_names_the_setting()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(("Integration:Database:Provider", "Oracle")));

        Assert.Equal("Integration:Database:Provider", error.Setting);
    }

    private static IntegrationSettings Read(params (string Key, string Value)[] values) =>
        IntegrationSettingsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
