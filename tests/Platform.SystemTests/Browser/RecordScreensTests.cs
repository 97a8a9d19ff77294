using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Microsoft.Playwright;
using Platform.HomeAffairs.V1;
using Platform.Organization.V1;
using Xunit.Abstractions;

namespace Platform.SystemTests.Browser;

/// <summary>
/// Each body's own records on the screens: the Organization's cadre records found by a name typed without marks, paged
/// with the service's keyset tokens, one record with its Regulation 205 finding; Home Affairs' official records, kept
/// from the other bodies; the administrative units with a merged unit's end and successor.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RecordScreensTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>A surname no other test uses, so that a search finds this test's cadres alone.</summary>
    private const string Surname = "Khổng";

    /// <summary>The cadre list's page size (Pages/Cadres/Index: 20).</summary>
    private const int CadrePageSize = 20;

    private static readonly string[] GivenNames =
    [
        "Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Giang", "Văn Hải", "Thị Hằng", "Đức Hiếu", "Ngọc Khánh", "Văn Lâm",
        "Thị Mai", "Hữu Nghĩa", "Thanh Phong", "Thị Quyên", "Văn Sơn", "Minh Tâm", "Thị Thảo", "Quang Trung", "Thị Uyên", "Văn Việt",
        "Hoàng Vũ", "Thị Xuân", "Văn Yên",
    ];

    [Fact]
    public async Task An_Organization_viewer_finds_cadres_without_marks_pages_through_them_and_reads_a_finding()
    {
        var flagged = await EnterCadresAsync();
        await RunAsync("organization-viewer", async page =>
        {
            await page.GotoAsync("/records");
            await Assertions.Expect(page.GetByTestId("records-home-affairs")).ToContainTextAsync("chỉ Bộ Nội vụ xem được"); // no link to a refusal
            await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ cán bộ", Exact = true }).ClickAsync();
            await Browser.ArrivedAsync(page, "/cadres");

            await page.GetByLabel("Họ tên").FillAsync("khong"); // without marks
            await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
            var rows = page.GetByTestId("cadre-row");
            await Assertions.Expect(rows).ToHaveCountAsync(CadrePageSize);
            await Assertions.Expect(rows.First).ToContainTextAsync(Surname);
            await Browser.ScreenshotAsync(page, "cadres");
            var firstPage = await rows.Locator("th").AllInnerTextsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(GivenNames.Length - CadrePageSize);
            var secondPage = await rows.Locator("th").AllInnerTextsAsync();
            Assert.Empty(firstPage.Intersect(secondPage)); // keyset paging: no one twice
            Assert.Equal(GivenNames.Length, firstPage.Concat(secondPage).Distinct().Count()); // and no one missed
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Link, new() { Name = "Trang đầu" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = flagged }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(flagged);
            await Assertions.Expect(page.GetByTestId("cadre-succession")).ToHaveTextAsync("Đã đưa ra khỏi quy hoạch");
            await Assertions.Expect(page.GetByTestId("cadre-finding")).ToContainTextAsync("Chạy chức, chạy quyền");
            await Assertions.Expect(page.GetByTestId("cadre-finding")).ToContainTextAsync("02/03/2027"); // dates as people write them
            await Browser.ScreenshotAsync(page, "cadre-record");

            // Another body's personnel files: the service refuses, the page says whose they are.
            var answer = await page.GotoAsync("/officials");
            await Assertions.Expect(page.GetByTestId("officials")).ToContainTextAsync("chỉ Bộ Nội vụ xem được");
            Assert.Equal(200, answer!.Status);
        });
    }

    [Fact]
    public async Task A_Home_Affairs_viewer_reads_official_records_and_a_merged_units_end_and_successor()
    {
        await Provinces.EnsureAsync(platform);
        await EnterMergedDistrictAsync();
        var officials = new OfficialService.OfficialServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")));
        await CreateIgnoringExistingAsync(() => officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest
        {
            OfficialRecord = new OfficialRecord
            {
                NationalId = "001086000001", FullName = "Khổng Thị Ngân", BirthDate = "1984-09-02", Sex = "female", Ethnicity = "Mường",
                Category = OfficialCategory.CivilServant, Agency = "Sở Nội vụ tỉnh Hòa Bình", Position = "Phó Giám đốc",
                PositionLevel = PositionLevel.DivisionHead, Rank = "Chuyên viên chính", Education = EducationLevel.Master,
            },
        }).ResponseAsync);

        await RunAsync("home-affairs-viewer", async page =>
        {
            await page.GotoAsync("/officials?q=khong thi ngan");
            var row = page.GetByTestId("official-row");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync("Khổng Thị Ngân");
            await Assertions.Expect(row).ToContainTextAsync("Công chức");
            await Assertions.Expect(row).ToContainTextAsync("Thạc sĩ");
            await Browser.ScreenshotAsync(page, "officials");

            await page.GotoAsync("/records");
            await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị hành chính" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid='unit-row'][data-code='79']")).ToContainTextAsync("Thành phố Hồ Chí Minh");
            await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị trực thuộc Thành phố Hồ Chí Minh" }).ClickAsync();
            await Browser.ArrivedAsync(page, "/units");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("thuộc Thành phố Hồ Chí Minh");
            var merged = page.Locator("[data-testid='unit-row'][data-code='763']");
            await Assertions.Expect(merged.GetByTestId("unit-validity")).ToContainTextAsync("31/12/2020 — đã hết hiệu lực");
            await Assertions.Expect(merged.GetByTestId("unit-successor")).ToHaveTextAsync("Thành phố Thủ Đức (769)");
            await Assertions.Expect(page.Locator("[data-testid='unit-row'][data-code='769']").GetByTestId("unit-validity")).ToHaveTextAsync("Từ 01/01/2021");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Chính" }).Locator("a[aria-current='page']")).ToHaveTextAsync("Hồ sơ");
            await Browser.ScreenshotAsync(page, "units");
        });
    }

    /// <summary>
    /// Quận 9 of Hồ Chí Minh City, merged with Quận 2 and Thủ Đức into Thành phố Thủ Đức from 1/1/2021 (Resolution
    /// 1111/NQ-UBTVQH14 of 9/12/2020): a closed unit that names its successor.
    /// </summary>
    private async Task EnterMergedDistrictAsync()
    {
        foreach (var unit in new object[]
                 {
                     new { code = "769", name = "Thành phố Thủ Đức", kind = "ADMINISTRATIVE_UNIT_KIND_DISTRICT", parentCode = "79", validFrom = "2021-01-01" },
                     new { code = "763", name = "Quận 9", kind = "ADMINISTRATIVE_UNIT_KIND_DISTRICT", parentCode = "79", validTo = "2020-12-31", successorCode = "769" },
                 })
        {
            var created = await platform.Gateway.PostAsJsonAsync("/api/home-affairs/v1/administrative-units", unit);
            Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The cadres named <see cref="Surname"/>, one of them with a Regulation 205 finding; returns that one's name.</summary>
    private async Task<string> EnterCadresAsync()
    {
        var cadres = new CadreService.CadreServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")));
        for (var i = 0; i < GivenNames.Length; i++)
        {
            var cadre = new CadreRecord
            {
                NationalId = $"001085{i:D6}", FullName = $"{Surname} {GivenNames[i]}", BirthDate = $"{1970 + i}-04-1{i % 10}",
                Sex = GivenNames[i].StartsWith("Thị", StringComparison.Ordinal) ? "female" : "male", Position = "Phó Trưởng ban Tổ chức Tỉnh ủy",
                PartyStanding = PartyStanding.FullMember, PartyJoinedDate = $"{1995 + i}-05-19", SuccessionPlanStatus = SuccessionPlanStatus.Planned,
            };
            if (i == 4)
            {
                cadre.SuccessionPlanStatus = SuccessionPlanStatus.Removed;
                cadre.Regulation205Findings.Add(new Regulation205Finding
                {
                    Kind = Regulation205FindingKind.PositionSeeking, Description = "Tác động để được quy hoạch vào chức danh cao hơn",
                    FoundDate = "2025-03-02", SanctionUntil = "2027-03-02",
                });
            }
            await CreateIgnoringExistingAsync(() => cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = cadre }).ResponseAsync);
        }
        return $"{Surname} {GivenNames[4]}";
    }

    private static async Task CreateIgnoringExistingAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
        }
    }

    private async Task RunAsync(string user, Func<IPage, Task> test)
    {
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, user);
        try
        {
            await test(page);
        }
        catch
        {
            output.WriteLine(page.Url);
            output.WriteLine(await page.ContentAsync());
            output.WriteLine(platform.Diagnostics());
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
