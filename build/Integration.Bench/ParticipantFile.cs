using System.Globalization;
using System.Text;

namespace Integration.Bench;

/// <summary>
/// A deterministic CSV of made-up participants (the same seed gives the same file): names drawn from lists, about two
/// in three with a valid personnummer or samordningsnummer, the rest without one, Swedish headers as municipalities write them.
/// </summary>
internal static class ParticipantFile
{
    private static readonly string[] GivenNames =
    [
        "Amina", "Yonas", "Zahra", "Mohammed", "Fatima", "Ali", "Sara", "Omar", "Hana", "Yusuf", "Maryam", "Ahmad", "Leila", "Hassan",
        "Nour", "Abdi", "Ayan", "Tesfaye", "Selam", "Karim", "Rania", "Samir", "Dalia", "Bilal", "Hiba", "Jamal", "Layla", "Mustafa",
        "Noor", "Rashid", "Salma", "Tariq", "Walid", "Yara", "Zainab", "Farah", "Ibrahim", "Khadija", "Mahmoud", "Nadia",
    ];

    private static readonly string[] FamilyNames =
    [
        "Hassan", "Ali", "Ahmadi", "Mohamed", "Tesfaye", "Yusuf", "Haile", "Abdullah", "Rahimi", "Osman", "Berhane", "Karimi", "Said",
        "Hussein", "Jama", "Farah", "Nasser", "Ibrahim", "Mahmoud", "Khalil", "Haddad", "Mansour", "Sultani", "Popal", "Noori",
        "Qasemi", "Warsame", "Gebre", "Kidane", "Hashemi", "Sadiq", "Barakzai", "Habibi", "Yilma", "Mesfin", "Amiri", "Azizi",
    ];

    private static readonly string[] Countries = ["SY", "AF", "ER", "SO", "IQ", "IR", "ET", "UA", "TR", "PS"];
    private static readonly string[] Languages = ["ar", "prs", "ti", "so", "ku", "fa", "am", "uk", "tr", "en"];
    private static readonly string[] Statuses = ["arbetslös", "långtidsarbetslös", "inaktiv", "anställd"];
    private static readonly string[] Levels = ["0-2", "3-4", "5-8", ""];

    public static byte[] Create(int rows, int seed, out IReadOnlyList<string> nameSamples)
    {
        var random = new Random(seed);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder(rows * 120);
        text.Append("Förnamn;Efternamn;Personnummer;Kön;Födelseår;Födelseland;Ankomstdatum;Språk;Tolkbehov;Arbetsmarknadsstatus;Utbildningsnivå;Tredjelandsmedborgare;Försörjningsstöd\n");
        var samples = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            var given = GivenNames[random.Next(GivenNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var born = new DateOnly(1955, 1, 1).AddDays(random.Next(365 * 50));
            var number = string.Empty;
            if (random.Next(3) > 0)
            {
                do
                {
                    number = IdentityNumber(born, random, samordning: random.Next(10) == 0);
                }
                while (!numbers.Add(number));
            }

            var arrival = new DateOnly(2012, 1, 1).AddDays(random.Next(365 * 12));
            text.Append(CultureInfo.InvariantCulture, $"{given};{family};{number};{(random.Next(2) == 0 ? "kvinna" : "man")};{(number.Length == 0 ? born.Year.ToString(CultureInfo.InvariantCulture) : string.Empty)};")
                .Append(CultureInfo.InvariantCulture, $"{Countries[random.Next(Countries.Length)]};{arrival:yyyy-MM-dd};{Languages[random.Next(Languages.Length)]};{(random.Next(2) == 0 ? "ja" : "nej")};")
                .Append(CultureInfo.InvariantCulture, $"{Statuses[random.Next(Statuses.Length)]};{Levels[random.Next(Levels.Length)]};ja;{(random.Next(2) == 0 ? "ja" : "nej")}\n");
            if (i % 97 == 0)
            {
                samples.Add(random.Next(2) == 0 ? given[..3] : $"{given} {family[..2]}");
            }
        }

        nameSamples = samples;
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>YYYYMMDD-NNNC with a valid Luhn check digit (day + 60 for a samordningsnummer).</summary>
    private static string IdentityNumber(DateOnly born, Random random, bool samordning)
    {
        var day = born.Day + (samordning ? 60 : 0);
        var nine = $"{born.Year % 100:D2}{born.Month:D2}{day:D2}{random.Next(1000):D3}";
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var value = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }

        return $"{born.Year:D4}{born.Month:D2}{day:D2}-{nine[6..]}{(10 - (sum % 10)) % 10}";
    }
}
