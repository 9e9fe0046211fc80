using Integration.Abstractions.Kernel;

namespace Integration.Host.Demo;

/// <summary>
/// Synthetic participants for the demo: common given and family names of the countries newcomers to Sweden come from,
/// combined at random, with a plausible country of birth, languages, arrival and situation at entry. No real person's
/// record, and drawn from a seeded <see cref="Random"/> so that the demo is the same each time.
/// </summary>
internal static class SyntheticPeople
{
    private static readonly string[] WomenNames = ["Amal", "Hana", "Leila", "Noor", "Samira", "Yasmin", "Rahel", "Selam", "Hodan", "Ayaan", "Zahra", "Maryam", "Olena", "Iryna", "Parwana", "Shirin", "Dalia", "Rania", "Luwam", "Nasra"];
    private static readonly string[] MenNames = ["Ahmad", "Omar", "Yusuf", "Karim", "Samir", "Bilal", "Dawit", "Yonas", "Abdirahman", "Mahad", "Reza", "Hamid", "Taras", "Andrii", "Farid", "Jamal", "Tariq", "Nabil", "Tesfaye", "Idris"];
    private static readonly string[] OtherNames = ["Alex", "Noa", "Sam", "Kim", "Robin"];
    private static readonly string[] FamilyNames = ["Haddad", "Mansour", "Khalil", "Nasser", "Saleh", "Tesfay", "Gebre", "Abdi", "Warsame", "Karimi", "Rahimi", "Hosseini", "Yusufzai", "Osman", "Bakri", "Kovalenko", "Shevchenko", "Bondarenko", "Haile", "Farah", "Jama", "Ahmadi", "Azizi", "Darwish", "Issa"];

    private static readonly (string Country, string[] Languages)[] Origins =
    [
        ("SY", ["ar"]), ("SY", ["ar", "ku"]), ("AF", ["fa", "ps"]), ("AF", ["fa"]), ("ER", ["ti"]), ("ER", ["ti", "ar"]),
        ("SO", ["so"]), ("SO", ["so", "ar"]), ("IQ", ["ar", "ku"]), ("UA", ["uk", "ru"]), ("IR", ["fa"]), ("ET", ["am", "ti"]),
    ];

    private static readonly string[] LabourMarket = ["unemployed", "unemployed", "longTermUnemployed", "longTermUnemployed", "inactive", "employed"];
    private static readonly string[] Education = ["isced0To2", "isced0To2", "isced3To4", "isced3To4", "isced5To8"];

    /// <summary>One participant's registration, as the API takes it.</summary>
    public static Dictionary<string, object?> Next(Random random, DateOnly today)
    {
        var gender = random.Next(100) switch
        {
            < 52 => Gender.Woman,
            < 97 => Gender.Man,
            < 99 => Gender.NonBinaryOrOther,
            _ => Gender.NotStated,
        };
        var given = gender switch
        {
            Gender.Woman => Pick(random, WomenNames),
            Gender.Man => Pick(random, MenNames),
            _ => Pick(random, OtherNames),
        };
        var (country, languages) = Pick(random, Origins);
        var age = random.Next(100) < 8 ? random.Next(16, 18) : random.Next(18, 64);
        var arrival = today.AddDays(-random.Next(120, 6 * 365));
        var identity = random.Next(100);
        return new Dictionary<string, object?>
        {
            ["givenName"] = given,
            ["familyName"] = Pick(random, FamilyNames),
            // Synthetic references only: a generated personnummer could be a real person's.
            ["identityKind"] = identity < 40 ? "lmaCard" : identity < 55 ? "dossierNumber" : null,
            ["identityNumber"] = identity < 40 ? $"DEMO-LMA-{random.Next(100000, 999999)}" : identity < 55 ? $"DEMO-{random.Next(1000000, 9999999)}" : null,
            ["gender"] = gender switch { Gender.Woman => "woman", Gender.Man => "man", Gender.NonBinaryOrOther => "nonBinaryOrOther", _ => "notStated" },
            ["birthYear"] = random.Next(100) < 3 ? null : today.Year - age,
            ["countryOfBirth"] = country,
            ["arrivalDate"] = arrival,
            ["languages"] = languages.Append("sv").Take(random.Next(100) < 40 ? languages.Length + 1 : languages.Length).ToArray(),
            ["interpreterNeeded"] = random.Next(100) < 45,
            ["labourMarketStatus"] = Pick(random, LabourMarket),
            ["educationLevel"] = random.Next(100) < 10 ? null : Pick(random, Education),
            ["thirdCountryNational"] = country != "UA" || random.Next(100) < 90,
            ["disability"] = random.Next(100) < 6 ? true : null,
            ["incomeSupport"] = random.Next(100) < 55,
        };
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
