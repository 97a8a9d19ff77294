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
/// with the service's keyset tokens, one record with its Regulation 205 finding, the Party organizations down a level and
/// a personnel plan's structure report; Home Affairs' official records, kept from the other bodies, the administrative
/// units with a merged unit's end and successor, an emulation movement's commendations and the council seats of a term.
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
    public async Task An_Organization_viewer_finds_cadres_without_marks_pages_through_them_reads_a_finding_and_a_personnel_plans_structure()
    {
        var flagged = await EnterCadresAsync();
        var party = await EnterPartyAsync();
        await RunAsync("organization-viewer", async page =>
        {
            await page.GotoAsync("/records");
            await Assertions.Expect(page.GetByTestId("records-home-affairs")).ToContainTextAsync("chỉ Bộ Nội vụ xem được"); // no link to a refusal
            await Browser.ScreenshotAsync(page, "records");
            await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ cán bộ", Exact = true }).ClickAsync();
            await Browser.ArrivedAsync(page, "/cadres");

            await page.GetByLabel("Họ tên").FillAsync("khong"); // without marks
            await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
            var rows = page.GetByTestId("cadre-row");
            await Assertions.Expect(rows).ToHaveCountAsync(CadrePageSize);
            await Assertions.Expect(rows.First).ToContainTextAsync(Surname);
            await Assertions.Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"Tổng số: {GivenNames.Length} hồ sơ"); // the whole search, not the page
            await Browser.ScreenshotAsync(page, "cadres");
            var firstPage = await rows.Locator("th").AllInnerTextsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(GivenNames.Length - CadrePageSize);
            await Assertions.Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"Tổng số: {GivenNames.Length} hồ sơ");
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

            await PartyOrganizationsAndPlanAsync(page, party);

            // Another body's personnel files: the service refuses, the page says whose they are.
            var answer = await page.GotoAsync("/officials");
            await Assertions.Expect(page.GetByTestId("officials")).ToContainTextAsync("chỉ Bộ Nội vụ xem được");
            Assert.Equal(200, answer!.Status);
        });
    }

    [Fact]
    public async Task A_Home_Affairs_viewer_reads_official_records_a_merged_units_successor_commendations_and_council_seats()
    {
        var officials = new OfficialService.OfficialServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")));
        await AnsweredOrNullAsync(() => officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest
        {
            OfficialRecord = new OfficialRecord
            {
                NationalId = "001086000001", FullName = "Khổng Thị Ngân", BirthDate = "1984-09-02", Sex = "female", Ethnicity = "Mường",
                Category = OfficialCategory.CivilServant, Agency = "Sở Nội vụ tỉnh Hòa Bình", Position = "Phó Giám đốc",
                PositionLevel = PositionLevel.DivisionHead, Rank = "Chuyên viên chính", Education = EducationLevel.Master,
            },
        }).ResponseAsync);

        var movement = await EnterRecognitionAsync();
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

            await page.GotoAsync("/movements");
            await Assertions.Expect(page.GetByTestId("movement-row").First).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(page, "movements");
            await page.GetByRole(AriaRole.Link, new() { Name = movement.Name }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(movement.Name);
            var commendations = page.GetByTestId("commendation-row");
            await Assertions.Expect(commendations).ToHaveCountAsync(2);
            await Assertions.Expect(commendations.Filter(new() { HasText = "Ủy ban nhân dân tỉnh Quảng Ninh" })).ToContainTextAsync("Tập thể");
            await Assertions.Expect(commendations.Filter(new() { HasText = "Ủy ban nhân dân tỉnh Quảng Ninh" })).ToContainTextAsync("ngày 20/01/2026");
            await Browser.ScreenshotAsync(page, "movement");

            await page.GotoAsync("/council-seats?term=2026-2031");
            var seats = page.Locator("[data-testid='council-seats-row'][data-unit='22']");
            await Assertions.Expect(seats.Locator("th")).ToHaveTextAsync("HĐND Tỉnh Quảng Ninh");
            await Assertions.Expect(seats.Locator("td").First).ToHaveTextAsync("62");
            await Assertions.Expect(page.Locator("[data-testid='council-seats-row'][data-unit='203'] th")).ToHaveTextAsync("HĐND Huyện Vân Đồn"); // not a province: read by its code
            await Browser.ScreenshotAsync(page, "council-seats");
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

    /// <summary>The party organizations the test enters, their ids made unique (other tests enter theirs).</summary>
    private sealed record Party(string Province, string District, string PlanId);

    /// <summary>
    /// A provincial Party committee with one district committee under it, and its personnel plan for 2020-2025: four
    /// nominees (fictional), one woman over the first-time age cut-off, one under 40, one aged 40 to 50.
    /// </summary>
    private async Task<Party> EnterPartyAsync()
    {
        await Provinces.EnsureAsync(platform);
        var editor = platform.GrpcChannelWith(await platform.TokenAsync("organization-editor"));
        var party = new PartyService.PartyServiceClient(editor);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (province, district) = ($"dang-bo-tinh-quang-ninh-{suffix}", $"dang-bo-huyen-van-don-{suffix}");
        await party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
        {
            PartyOrganization = new PartyOrganization { Id = province, Name = "Đảng bộ tỉnh Quảng Ninh", ProvinceCode = "22" },
        });
        await party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
        {
            PartyOrganization = new PartyOrganization { Id = district, Name = "Đảng bộ huyện Vân Đồn", ParentId = province, ProvinceCode = "22" },
        });
        var plan = new PersonnelPlan { OrganizationId = province, Term = "2020-2025", PlannedSize = 50, ReferenceDate = "2020-10-15" };
        plan.Nominees.Add(new Nominee { FullName = "Hà Văn Thắng", BirthDate = "1968-05-02", Sex = "male", FirstTime = true });
        plan.Nominees.Add(new Nominee { FullName = "Nông Thị Hạnh", BirthDate = "1966-04-10", Sex = "female", FirstTime = true }); // cut-off: born from 1/9/1970
        plan.Nominees.Add(new Nominee { FullName = "Lục Văn Bảo", BirthDate = "1985-07-20", Sex = "male", FirstTime = true });
        plan.Nominees.Add(new Nominee { FullName = "Bế Thị Lan", BirthDate = "1975-01-01", Sex = "female", FirstTime = false });
        var created = await new PersonnelService.PersonnelServiceClient(editor).CreatePersonnelPlanAsync(new CreatePersonnelPlanRequest { PersonnelPlan = plan });
        return new Party(province, district, created.Id);
    }

    /// <summary>The party organizations, down one level, and the plan with the service's structure report.</summary>
    private static async Task PartyOrganizationsAndPlanAsync(IPage page, Party party)
    {
        await page.GotoAsync("/records");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức đảng", Exact = true }).ClickAsync();
        var province = page.Locator($"[data-testid='party-organization-row'][data-organization='{party.Province}']");
        await Assertions.Expect(province).ToContainTextAsync("Trực thuộc Trung ương");
        await Assertions.Expect(province).ToContainTextAsync("Tỉnh Quảng Ninh"); // the province by name, not "22"
        await province.GetByRole(AriaRole.Link, new() { Name = "Tổ chức trực thuộc" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("trực thuộc Đảng bộ tỉnh Quảng Ninh");
        var rows = page.GetByTestId("party-organization-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Đảng bộ huyện Vân Đồn");
        await Assertions.Expect(rows).ToContainTextAsync("Cấp trên cơ sở");
        await Browser.ScreenshotAsync(page, "party-organizations");

        await page.GotoAsync("/personnel-plans?term=2020-2025");
        await Browser.ScreenshotAsync(page, "personnel-plans");
        await page.Locator("[data-testid='personnel-plan-row']", new() { Has = page.Locator($"a[href='/personnel-plans/{Uri.EscapeDataString(party.PlanId)}']") })
            .GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Đảng bộ tỉnh Quảng Ninh, nhiệm kỳ 2020-2025");
        await Assertions.Expect(page.Locator("[data-testid='structure-line'][data-criterion='under_40'] [data-testid='structure-met']")).ToHaveTextAsync("Đạt");
        await Assertions.Expect(page.Locator("[data-testid='structure-line'][data-criterion='age_40_to_50'] [data-testid='structure-met']")).ToHaveTextAsync("Chưa đạt");
        await Assertions.Expect(page.Locator("[data-testid='structure-line'][data-criterion='age_40_to_50']")).ToContainTextAsync("25%");
        var over = page.GetByTestId("nominee-row").Filter(new() { HasText = "Nông Thị Hạnh" });
        await Assertions.Expect(over.GetByTestId("nominee-age")).ToHaveTextAsync("Quá tuổi: phải sinh từ 01/09/1970");
        await Browser.ScreenshotAsync(page, "personnel-plan");
    }

    /// <summary>An emulation movement with two commendations, and council seats for the next term in a province and a district.</summary>
    private async Task<EmulationMovement> EnterRecognitionAsync()
    {
        await Provinces.EnsureAsync(platform);
        await EnterMergedDistrictAsync();
        var recognition = new RecognitionService.RecognitionServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")));
        var movement = await recognition.CreateEmulationMovementAsync(new CreateEmulationMovementRequest
        {
            EmulationMovement = new EmulationMovement
            {
                Id = $"thi-dua-dai-hoi-xiv-{Guid.NewGuid():N}"[..28], Name = "Thi đua lập thành tích chào mừng Đại hội XIV của Đảng",
                StartDate = "2025-01-01", EndDate = "2026-01-31", Description = "Phát động trong các cơ quan, đơn vị của ba cơ quan",
            },
        });
        foreach (var (kind, name, form, number, date) in new[]
                 {
                     (RecipientKind.Unit, "Ủy ban nhân dân tỉnh Quảng Ninh", "Cờ thi đua của Chính phủ", "112/QĐ-TTg", "2026-01-20"),
                     (RecipientKind.Person, "Khổng Thị Ngân", "Bằng khen của Bộ trưởng Bộ Nội vụ", "45/QĐ-BNV", "2026-01-22"),
                 })
        {
            await recognition.CreateCommendationAsync(new CreateCommendationRequest
            {
                Commendation = new Commendation { MovementId = movement.Id, RecipientKind = kind, RecipientName = name, Form = form, DecisionNumber = number, DecisionDate = date },
            });
        }
        var district = await platform.Gateway.PostAsJsonAsync("/api/home-affairs/v1/administrative-units",
            new { code = "203", name = "Huyện Vân Đồn", kind = "ADMINISTRATIVE_UNIT_KIND_DISTRICT", parentCode = "22" });
        Assert.True(district.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{district.StatusCode}: {await district.Content.ReadAsStringAsync()}");
        foreach (var (unit, seats) in new[] { ("22", 62), ("203", 30) })
        {
            var existing = await AnsweredOrNullAsync(() => recognition.GetCouncilSeatsAsync(new GetCouncilSeatsRequest { UnitCode = unit, Term = "2026-2031" }).ResponseAsync,
                StatusCode.NotFound);
            await recognition.UpdateCouncilSeatsAsync(new UpdateCouncilSeatsRequest
            {
                CouncilSeats = new CouncilSeats { UnitCode = unit, Term = "2026-2031", Seats = seats, Source = "Dữ liệu kiểm thử", Etag = existing?.Etag ?? "" },
            });
        }
        return movement;
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
            await AnsweredOrNullAsync(() => cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = cadre }).ResponseAsync);
        }
        return $"{Surname} {GivenNames[4]}";
    }

    /// <summary>The call's answer, or null when the service answers <paramref name="expected"/> (AlreadyExists: entered before).</summary>
    private static async Task<T?> AnsweredOrNullAsync<T>(Func<Task<T>> call, StatusCode expected = StatusCode.AlreadyExists) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode == expected)
        {
            return null;
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
