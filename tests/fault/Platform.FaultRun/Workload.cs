using Grpc.Core;
using Platform.DelegateAffairs.V1;
using Platform.HomeAffairs.V1;
using AdministrativeUnit = Platform.HomeAffairs.V1.AdministrativeUnit;
using GetAdministrativeUnitRequest = Platform.HomeAffairs.V1.GetAdministrativeUnitRequest;
using Platform.Contracts.Routing;
using Platform.JointPlanning.V1;
using JointPlanningService = Platform.JointPlanning.V1.JointPlanningService;

namespace Platform.FaultRun;

/// <summary>
/// A steady mixed workload through the gateway, each body writing with its own editor's token: Home Affairs edits
/// administrative units (replicated to the other two), the three bodies plan joint conferences in turn (propose,
/// contribute, schedule, conclude, report task progress), and Delegate Affairs records candidates in batches (each
/// vetted by the other two). Every call that fails is counted and retried or given up; what counts afterwards is
/// what the databases hold.
/// </summary>
public sealed class Workload(FaultPlatform platform, RunStats stats, int seed, TextWriter log)
{
    public static readonly string[] Bodies = ["organization", "home-affairs", "delegate-affairs"];

    /// <summary>The provinces the run edits and holds bridge points at.</summary>
    public static readonly string[] Codes = [.. Enumerable.Range(10, 30).Select(n => n.ToString("D2"))];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, JointPlanningService.JointPlanningServiceClient> _planning = new();
    private readonly Dictionary<string, string> _tokens = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private int _nextGateway;
    private AdministrativeUnitService.AdministrativeUnitServiceClient _units = null!;
    private CandidateService.CandidateServiceClient _candidates = null!;
    private Constituency _constituency = null!;
    private int _nationalId;

    public async Task PrepareAsync()
    {
        CallInvoker delegateAffairs = null!;
        foreach (var body in Bodies)
        {
            var token = await platform.TokenAsync($"{body}-editor");
            _tokens[body] = token;
            var channel = new GatewayInvoker([.. platform.ChannelsWith(token).Select(c => c.CreateCallInvoker())], stats);
            _planning[body] = new(channel.ForBody(body)); // through the gateway: the body named in the platform-body metadata
            if (body == "home-affairs")
            {
                _units = new(channel);
            }
            if (body == "delegate-affairs")
            {
                _candidates = new(channel);
                delegateAffairs = channel;
            }
        }
        foreach (var code in Codes)
        {
            await _units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
            {
                AdministrativeUnit = new AdministrativeUnit { Code = code, Name = $"Tỉnh Thử nghiệm {code}", Kind = AdministrativeUnitKind.Province },
            });
        }
        var electionId = $"fault-run-{seed}";
        await new ElectionService.ElectionServiceClient(delegateAffairs).CreateElectionAsync(new CreateElectionRequest
        {
            Election = new Election
            {
                Id = electionId, Kind = ElectionKind.NationalAssembly, Term = "XV", TermStartYear = 2021, TermEndYear = 2026,
                ElectionDay = "2021-05-23", LawCode = "85/2015/QH13", TotalSeats = 500, CentralSeats = 207, LocalSeats = 293,
            },
        });
        // The constituency's province must have reached Delegate Affairs' copy of the reference data first.
        _constituency = await Platform.Testing.Poll.UntilAsync(async () => await _candidates.CreateConstituencyAsync(new CreateConstituencyRequest
        {
            Constituency = new Constituency { ElectionId = electionId, ProvinceCode = "10", Number = 1, Seats = 3 },
        }), "the constituency in province 10", TimeSpan.FromSeconds(120));
        log.WriteLine($"prepared {Codes.Length} provinces, election {_constituency.ElectionId}");
    }

    /// <summary>Runs the three kinds of work side by side until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(
        Loop("administrative-unit edit", EditUnitAsync, TimeSpan.FromMilliseconds(150), stop),
        Loop("administrative-unit edit", EditUnitAsync, TimeSpan.FromMilliseconds(250), stop),
        Loop("candidate batch", RecordCandidatesAsync, TimeSpan.FromSeconds(2), stop),
        ConferencesAsync(stop));

    private async Task Loop(string kind, Func<Random, Task> work, TimeSpan pace, CancellationToken stop)
    {
        var random = new Random(seed ^ kind.GetHashCode(StringComparison.Ordinal) ^ (int)pace.TotalMilliseconds);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await work(random);
                stats.Accepted(kind);
            }
            catch (RpcException)
            {
                stats.Refused(kind);
            }
            await Pause(pace, stop);
        }
    }

    private static async Task Pause(TimeSpan pace, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pace, stop); // the workload's pace, not a wait for anything
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task EditUnitAsync(Random random)
    {
        var code = Codes[random.Next(Codes.Length)];
        var unit = await _units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = code }, deadline: Deadline());
        unit.Name = $"Tỉnh Thử nghiệm {code} (sửa lần {unit.Revision + 1})";
        await _units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = unit, UpdateMask = new() { Paths = { "name" } },
        }, deadline: Deadline());
    }

    private async Task RecordCandidatesAsync(Random random)
    {
        var batch = new BatchCreateCandidatesRequest { ElectionId = _constituency.ElectionId };
        for (var i = 0; i < 25; i++)
        {
            var n = Interlocked.Increment(ref _nationalId);
            batch.Requests.Add(new CreateCandidateRequest
            {
                Candidate = new Candidate
                {
                    ElectionId = _constituency.ElectionId, ConstituencyId = _constituency.Id, NationalId = $"0790{seed % 100:D2}{n:D6}",
                    FullName = $"Nguyễn Văn Ứng Cử {n}", BirthDate = "1975-08-19", Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                    Ethnicity = "Kinh", PartyMember = true, NominatingLevel = NominatingLevel.Local,
                },
            });
        }
        await _candidates.BatchCreateCandidatesAsync(batch, deadline: Deadline());
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(15);

    /// <summary>GET /api/joint-planning/v1/conferences/{id} through the next gateway, as the lead's editor.</summary>
    private async Task ReadJointPlanAsync(string lead, string id)
    {
        var gateway = platform.GatewayUrls[(int)((uint)Interlocked.Increment(ref _nextGateway) % platform.GatewayUrls.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{gateway}api/joint-planning/v1/conferences/{id}");
        request.Headers.Authorization = new("Bearer", _tokens[lead]);
        string failure;
        try
        {
            using var response = await _http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            failure = $"HTTP {(int)response.StatusCode}";
            if ((int)response.StatusCode is < 500 and not 429)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"joint plan of {id}: {failure}"));
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            failure = error.Message;
        }
        stats.CallFailed($"joint plan of {id}: {failure}");
        throw new RpcException(new Status(StatusCode.Unavailable, $"joint plan of {id}: {failure}"));
    }

    private async Task ConferencesAsync(CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                await OneConferenceAsync(n, stop);
            }
            catch (TimeoutException failure)
            {
                // A step that did not get through within its minute: the conference stays where it is (the checks
                // afterwards still demand that every body agrees on it) and the next one starts.
                log.WriteLine($"conference {n}: {failure.Message}");
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task OneConferenceAsync(int n, CancellationToken stop)
    {
        var lead = Bodies[n % 3];
        var others = Bodies.Where(b => b != lead).ToArray();
        var id = $"{lead}.fr-{seed}-{n}";
        var api = _planning[lead];
        await StepAsync("conference proposal", stop, async () =>
        {
            try
            {
                await api.ProposeConferenceAsync(new ProposeConferenceRequest
                {
                    ConferenceId = $"fr-{seed}-{n}",
                    Conference = new Conference
                    {
                        Title = $"Hội nghị liên tịch sơ kết 6 tháng (lượt {n})", Kind = ConferenceKind.HalfYearReview,
                        PeriodStart = "2020-01-01", PeriodEnd = "2020-06-30", Date = "2020-07-01", StartTime = "08:00",
                        Format = ConferenceFormat.Online, ResponseDeadline = "2020-06-25", CoOrganizers = { others },
                        Chair = new Chair { Name = "Phạm Minh Chính", Title = "Trưởng ban", Body = lead },
                    },
                }, deadline: Deadline());
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                // an earlier attempt was committed though its answer was lost
            }
        });
        foreach (var body in others.Append(lead))
        {
            await StepAsync("participation update", stop, async () =>
            {
                var current = await _planning[body].GetParticipationAsync(new GetParticipationRequest { ConferenceId = id }, deadline: Deadline());
                await _planning[body].UpdateParticipationAsync(new UpdateParticipationRequest { Participation = Contribution(current, body) }, deadline: Deadline());
            });
        }
        var scheduled = await WaitAsync("the schedule", stop, async () =>
        {
            var conference = await api.GetConferenceAsync(new GetConferenceRequest { Id = id }, deadline: Deadline());
            return conference.Status == ConferenceStatus.Scheduled ? conference : null;
        });
        // The joint plan as the screens read it: the gateway's own calls to the three bodies (ServiceChannels).
        await StepAsync("joint plan read", stop, () => ReadJointPlanAsync(lead, id));
        await StepAsync("conference conclusion", stop, async () =>
        {
            var conference = await api.GetConferenceAsync(new GetConferenceRequest { Id = id }, deadline: Deadline());
            if (conference.Status == ConferenceStatus.Concluded)
            {
                return;
            }
            var conclusion = new Conclusion { Summary = "Ba cơ quan tập trung thực hiện Chỉ thị 35, Chỉ thị 45." };
            conclusion.Tasks.Add(new ConferenceTask
            {
                // Every other conference's task is already overdue: the owners' sweeps (every replica's) flag it once.
                Owners = { others }, DueDate = n % 2 == 0 ? "2020-12-31" : "2099-12-31", Description = "Chuẩn bị bầu cử đại biểu Quốc hội khóa XV",
                LegalBasis = { new LegalBasis { Number = "45-CT/TW", Date = "2020-06-20" } },
            });
            await api.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = id, Etag = conference.Etag, Conclusion = conclusion }, deadline: Deadline());
        });
        foreach (var owner in others)
        {
            foreach (var (percent, done) in new[] { (50, false), (100, true) })
            {
                await StepAsync("task progress", stop, async () =>
                {
                    var task = (await _planning[owner].ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = id }, deadline: Deadline())).Tasks.FirstOrDefault()
                        ?? throw new RpcException(new Status(StatusCode.NotFound, "the task has not arrived yet"));
                    if (task.Percent >= percent)
                    {
                        return;
                    }
                    await _planning[owner].ReportJointTaskProgressAsync(
                        new ReportJointTaskProgressRequest { Id = task.Id, Etag = task.Etag, Percent = percent, Done = done, Note = $"Đạt {percent}%" },
                        deadline: Deadline());
                });
            }
        }
        _ = scheduled;
    }

    private static Participation Contribution(Participation current, string body)
    {
        var participation = new Participation
        {
            ConferenceId = current.ConferenceId, Etag = current.Etag, Response = InvitationResponse.Accepted,
            Report = new ReviewReport { Results = $"Kết quả 6 tháng đầu năm của {body}.", Shortcomings = "Còn chậm.", Proposals = "Tăng cường phối hợp." },
        };
        participation.AgendaItems.Add(new AgendaItem
        {
            Title = $"Báo cáo của {body}", Minutes = 15, Kind = AgendaItemKind.Report,
            Presenter = new Person { Name = "Nguyễn Thị Hồng", Title = "Vụ trưởng", Unit = body },
        });
        var site = Codes[Array.IndexOf(Bodies, body)];
        participation.BridgePoints.Add(new BridgePoint
        {
            Key = $"diem-cau-{site}", SiteCode = site, Address = "Trụ sở", ExpectedAttendees = 50,
            LocalChair = new Person { Name = "Trần Văn Hải", Title = "Phó Bí thư" },
        });
        return participation;
    }

    /// <summary>A write retried (on a fresh read) until it is accepted; each failure is counted as refused.</summary>
    private async Task StepAsync(string kind, CancellationToken stop, Func<Task> step)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                await step();
                stats.Accepted(kind);
                return;
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated)
            {
                throw new TimeoutException($"{kind} refused for good: {error.Status.Detail}"); // a bug of the run, not a fault: shown in the log
            }
            catch (RpcException error)
            {
                stats.Refused(kind);
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{kind} was not accepted within {StepTimeout.TotalSeconds:0} s (last: {error.StatusCode} {error.Status.Detail})");
                }
                await Pause(TimeSpan.FromMilliseconds(300), stop);
            }
        }
    }

    private async Task<T> WaitAsync<T>(string what, CancellationToken stop, Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (RpcException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not come within {StepTimeout.TotalSeconds:0} s");
            }
            await Pause(TimeSpan.FromMilliseconds(200), stop);
        }
    }
}
