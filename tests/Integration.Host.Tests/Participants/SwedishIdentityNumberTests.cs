using Integration.Host.Participants;

namespace Integration.Host.Tests.Participants;

/// <summary>Personnummer and samordningsnummer: written forms, dates, check digits, centuries.</summary>
public sealed class SwedishIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // Test numbers from Skatteverket's published series for testing (not real people).
    [Theory]
    [InlineData("811218-9876", "198112189876", IdentityKind.Personnummer)]
    [InlineData("8112189876", "198112189876", IdentityKind.Personnummer)]
    [InlineData("198112189876", "198112189876", IdentityKind.Personnummer)]
    [InlineData("19811218-9876", "198112189876", IdentityKind.Personnummer)]
    [InlineData(" 811218-9876 ", "198112189876", IdentityKind.Personnummer)]
    [InlineData("701063-2391", "197010632391", IdentityKind.Samordningsnummer)]
    public void Valid_numbers_are_normalised(string input, string normalized, IdentityKind kind)
    {
        Assert.True(SwedishIdentityNumber.TryParse(input, Today, out var parsed, out _));
        Assert.Equal(normalized, parsed.Normalized);
        Assert.Equal(kind, parsed.Kind);
    }

    [Fact]
    public void Samordningsnummer_has_its_day_less_60_as_birth_date()
    {
        Assert.True(SwedishIdentityNumber.TryParse("701063-2391", Today, out var parsed, out _));
        Assert.Equal(new DateOnly(1970, 10, 3), parsed.BirthDate);
    }

    [Fact]
    public void Plus_sign_means_a_hundred_years_or_more()
    {
        Assert.True(SwedishIdentityNumber.TryParse("121212+1212", Today, out var parsed, out _));
        Assert.Equal("191212121212", parsed.Normalized);
        Assert.True(SwedishIdentityNumber.TryParse("121212-1212", Today, out var young, out _));
        Assert.Equal("201212121212", young.Normalized);
    }

    [Theory]
    [InlineData("811218-9877", "check digit")]
    [InlineData("810230-1234", "does not exist")]
    [InlineData("811318-9875", "does not exist")]
    [InlineData("81121-89876", "YYMMDD-NNNN")]
    [InlineData("abcdef-ghij", "YYMMDD-NNNN")]
    [InlineData("81121898765", "YYMMDD-NNNN")]
    [InlineData("20991212-1218", "not possible")]
    [InlineData("19811218+9876", "plus sign")]
    public void Invalid_numbers_say_why(string input, string reason)
    {
        Assert.False(SwedishIdentityNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains(reason, error.En, StringComparison.Ordinal);
    }
}
