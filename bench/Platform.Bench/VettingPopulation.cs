using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Api.Paging;
using Org = Platform.Organization.Model;
using Ha = Platform.HomeAffairs.Model;

namespace Platform.Bench;

/// <summary>
/// The people of the vetting benchmark, numbered 0, 1, 2…: person p has national ID 1000000000000 + p, and everything
/// known of them (name, birth date, sex, what each body's file says) is a pure function of p, so that the benchmark
/// can load the files, introduce candidates, and say beforehand what each body will find.
/// <list type="bullet">
/// <item>The Organization holds a cadre record of persons 0 … cadres−1, Home Affairs an official record of persons
/// 0 … officials−1: the first are known to both bodies, the next to one only, the rest to neither.</item>
/// <item>Of the cadre records, 0.3 % are of an expelled member, 1.5 % carry a Party discipline within the last
/// 12 months, 3 % an old, expired one, 0.2 % a Regulation 205 finding still sanctioned, 1 % a relative in a linked
/// post, 2 % a probationary member. Of the official records, 1 % carry a recent discipline, 2 % an old expired one,
/// 0.3 % an old one with no end recorded.</item>
/// <item>A candidate's file gives the birth date of the records, except for 0.5 % (a year off).</item>
/// </list>
/// </summary>
public sealed class VettingPopulation(int cadres, int officials, DateOnly electionDay)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web); // as the services' jsonb columns
    private static readonly DateOnly Epoch = new(1960, 1, 1);

    public int Cadres => cadres;
    public int Officials => officials;

    public static string NationalId(long person) => (100_000_000_000L + person).ToString(CultureInfo.InvariantCulture);

    public static string Name(long person) => SyntheticPeople.Name((int)(person % int.MaxValue), new Random((int)(person % int.MaxValue)));

    public static DateOnly BirthDate(long person) => Epoch.AddDays((int)(Hash(person) % 16_000)); // 1960 to 2003

    public static bool Female(long person) => person % 2 == 1;

    /// <summary>0 … 9999, one draw per trait family, independent of each other.</summary>
    private static int CadreDraw(long person) => (int)((Hash(person) >> 16) % 10_000);
    private static int OfficialDraw(long person) => (int)((Hash(person) >> 32) % 10_000);
    private static int CandidacyDraw(long person) => (int)((Hash(person) >> 48) % 10_000);

    /// <summary>The candidacy file gives another birth date than the records (one of them is wrong).</summary>
    public static bool BirthDateDiffers(long person) => CandidacyDraw(person) < 50;

    /// <summary>The outcome the three bodies' rules should reach for this person standing in a People's Council election.</summary>
    public string ExpectedOutcome(long person)
    {
        bool disqualified = false, doubtful = BirthDateDiffers(person) && (person < cadres || person < officials);
        if (person < cadres)
        {
            var draw = CadreDraw(person);
            disqualified |= draw < 30 /* expelled, declared a member */ || draw is >= 30 and < 180 /* recent discipline */
                || draw is >= 480 and < 500 /* Regulation 205 */;
            doubtful |= draw is >= 500 and < 600; // relative in a linked post
        }
        else
        {
            doubtful = true; // unknown to the Organization: cannot tell
        }
        if (person < officials)
        {
            var draw = OfficialDraw(person);
            disqualified |= draw < 100;
            doubtful |= draw is >= 300 and < 330; // old discipline with no end recorded: cannot tell
        }
        else
        {
            doubtful = true;
        }
        return disqualified ? "INELIGIBLE" : doubtful ? "NEEDS_REVIEW" : "ELIGIBLE";
    }

    /// <summary>
    /// The people standing in a run, candidate by candidate: 90 % known to both bodies, 6 % to one only, 4 % to
    /// neither; spread over the files (not the first rows), distinct within the run, and moved on by
    /// <paramref name="offset"/> from one run to the next.
    /// </summary>
    public long Candidate(int index, long offset)
    {
        int both = Math.Min(cadres, officials), one = Math.Max(cadres, officials) - both;
        var (group, k) = (index % 50) switch
        {
            < 45 => (0, index / 50 * 45L + index % 50),
            < 48 => (1, index / 50 * 3L + index % 50 - 45),
            _ => (2, index / 50 * 2L + index % 50 - 48),
        };
        if (group == 1 && one == 0)
        {
            (group, k) = (2, k + 10_000_000); // both files hold the same people: a one-body candidate becomes an unknown one
        }
        return group switch
        {
            0 => Spread(k + offset, both),
            1 => both + Spread(k + offset, one),
            _ => Math.Max(cadres, officials) + k + offset,
        };
    }

    /// <summary>Checks that a run of <paramref name="candidates"/> finds enough distinct people in each group.</summary>
    public void CheckEnoughPeople(int candidates)
    {
        var both = Math.Min(cadres, officials);
        var one = Math.Max(cadres, officials) - both;
        if (candidates * 0.9 + 45 > both || (one > 0 && candidates * 0.06 + 3 > one))
        {
            throw new ArgumentException(
                $"{candidates:N0} candidates need at least {candidates * 0.9 + 45:N0} people known to both bodies and {candidates * 0.06 + 3:N0} known to one " +
                $"(have {both:N0} and {one:N0}): raise --cadres/--officials");
        }
    }

    /// <summary>Binary COPY of the Organization's cadre records, its indexes in place.</summary>
    public async Task LoadCadreRecordsAsync(string connectionString)
    {
        string[] columns =
        [
            "national_id", "full_name", "search_name", "list_key", "birth_date", "sex", "position", "party_standing", "party_joined_date",
            "succession_plan_status", "discipline_records", "regulation205findings", "relatives_in_linked_posts",
        ];
        await CopyAsync(connectionString, "cadre_records", columns, cadres, async (writer, person) =>
        {
            var draw = CadreDraw(person);
            var standing = draw < 30 ? Org.PartyStanding.Expelled : draw is >= 600 and < 800 ? Org.PartyStanding.Probationary : Org.PartyStanding.FullMember;
            List<Org.DisciplineRecord> discipline = draw switch
            {
                >= 30 and < 180 => [new(electionDay.AddMonths(-4), "Khiển trách", "Vi phạm quy định về nêu gương", electionDay.AddMonths(8))],
                >= 180 and < 480 => [new(new DateOnly(2019, 6, 1), "Khiển trách", "Vi phạm quy chế làm việc", new DateOnly(2020, 6, 1))],
                _ => [],
            };
            List<Org.Regulation205Finding> findings = draw is >= 480 and < 500
                ? [new(Org.Regulation205FindingKind.PositionSeeking, "Chạy chức", electionDay.AddYears(-1), electionDay.AddYears(1))]
                : [];
            List<Org.RelativeInLinkedPost> relatives = draw is >= 500 and < 600 ? [new(Name(person + 1), "Vợ/chồng", "Kế toán trưởng")] : [];
            var birth = BirthDate(person);
            await writer.WriteAsync(Org.PartyStanding.FullMember == standing ? "Đảng viên" : "Cán bộ", NpgsqlDbType.Text);
            await writer.WriteAsync(standing.ToString(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(birth.AddYears(25), NpgsqlDbType.Date);
            await writer.WriteAsync(draw % 5 == 0 ? "Planned" : "NotPlanned", NpgsqlDbType.Varchar);
            await writer.WriteAsync(JsonList(discipline), NpgsqlDbType.Jsonb);
            await writer.WriteAsync(JsonList(findings), NpgsqlDbType.Jsonb);
            await writer.WriteAsync(JsonList(relatives), NpgsqlDbType.Jsonb);
        });
    }

    /// <summary>Binary COPY of Home Affairs' official records, its indexes in place.</summary>
    public async Task LoadOfficialRecordsAsync(string connectionString)
    {
        string[] columns =
        [
            "national_id", "full_name", "search_name", "list_key", "birth_date", "sex", "ethnicity", "category", "agency", "position",
            "position_level", "rank", "education", "discipline_records",
        ];
        string[] levels = ["Staff", "Staff", "Staff", "DivisionHead", "DepartmentDirector"];
        string[] educations = ["College", "University", "University", "Master", "Doctorate"];
        await CopyAsync(connectionString, "official_records", columns, officials, async (writer, person) =>
        {
            var draw = OfficialDraw(person);
            List<Ha.OfficialDiscipline> discipline = draw switch
            {
                < 100 => [new(electionDay.AddMonths(-3), "Cảnh cáo", "Vi phạm quy định về đạo đức công vụ", electionDay.AddMonths(9))],
                >= 100 and < 300 => [new(new DateOnly(2019, 3, 1), "Khiển trách", "Chậm thực hiện nhiệm vụ", new DateOnly(2020, 3, 1))],
                >= 300 and < 330 => [new(new DateOnly(2018, 3, 1), "Khiển trách", "Chậm thực hiện nhiệm vụ", null)],
                _ => [],
            };
            await writer.WriteAsync("Kinh", NpgsqlDbType.Text);
            await writer.WriteAsync(draw % 3 == 0 ? "PublicEmployee" : "CivilServant", NpgsqlDbType.Varchar);
            await writer.WriteAsync("Sở Nội vụ", NpgsqlDbType.Text);
            await writer.WriteAsync("Chuyên viên", NpgsqlDbType.Text);
            await writer.WriteAsync(levels[draw % levels.Length], NpgsqlDbType.Varchar);
            await writer.WriteAsync("Chuyên viên", NpgsqlDbType.Text);
            await writer.WriteAsync(educations[draw % educations.Length], NpgsqlDbType.Varchar);
            await writer.WriteAsync(JsonList(discipline), NpgsqlDbType.Jsonb);
        });
    }

    private static string JsonList<T>(List<T> items) => items.Count == 0 ? "[]" : JsonSerializer.Serialize(items, Json);

    /// <summary>COPY of <paramref name="count"/> people: the person's national ID, names, birth date and sex, then <paramref name="rest"/>.</summary>
    private static async Task CopyAsync(string connectionString, string table, string[] columns, int count, Func<NpgsqlBinaryImporter, long, Task> rest)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            for (long person = 0; person < count; person++)
            {
                var id = NationalId(person);
                var (name, search, key) = NameSearch.Keys(Name(person), id);
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Varchar);
                await writer.WriteAsync(name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(search, NpgsqlDbType.Text);
                await writer.WriteAsync(key, NpgsqlDbType.Varchar);
                await writer.WriteAsync(BirthDate(person), NpgsqlDbType.Date);
                await writer.WriteAsync(Female(person) ? "female" : "male", NpgsqlDbType.Varchar);
                await rest(writer, person);
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand($"ANALYZE {table}", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>A permutation of 0 … size−1 (multiplication by a number coprime with size), so neighbours land apart.</summary>
    private static long Spread(long k, int size)
    {
        long multiplier = 1_000_003;
        while (Gcd(multiplier, size) != 1)
        {
            multiplier += 2;
        }
        return k % size * multiplier % size;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static ulong Hash(long person)
    {
        var z = (ulong)person + 0x9E3779B97F4A7C15UL; // SplitMix64
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
