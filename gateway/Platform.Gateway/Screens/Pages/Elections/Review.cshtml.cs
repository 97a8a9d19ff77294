using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.DelegateAffairs.V1;
using Platform.Gateway.Screens.Elections;
using Platform.Gateway.Screens.Places;
using Platform.Gateway.Screens.Forms;
using Platform.Gateway.Screens.Parts;

namespace Platform.Gateway.Screens.Pages.Elections;

/// <summary>
/// The Needs review queue of an election: the candidates whose vetting a person must settle, each with its reasons and,
/// for Delegate Affairs reviewers, a form to settle it with a decision and a written reason (post, then redirect).
/// The service judges the settlement: its field violations show beside the fields, its refusals as a message.
/// </summary>
public sealed class ReviewModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<ReviewModel> logger) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    [BindProperty]
    public string? CandidateId { get; set; }

    /// <summary>Only for the message after the redirect; the service is told the id.</summary>
    [BindProperty]
    public string? CandidateName { get; set; }

    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>"eligible" or "ineligible"; anything else reaches the service as unspecified, which names the field.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>
    /// The settlement just made, for the page after the redirect: "id", "name" and "decision" on three lines (one string:
    /// TempData would read a lone candidate id back as a Guid).
    /// </summary>
    [TempData]
    public string? Settled { get; set; }

    public (string Id, string Name, string Decision)? JustSettled => Settled?.Split('\n') is [var id, var name, var decision] ? (id, name, decision) : null;

    public PagePart<Election> Election { get; private set; } = PagePart<Election>.Without(PartState.Unavailable);
    public PagePart<ListCandidatesResponse> Queue { get; private set; } = PagePart<ListCandidatesResponse>.Without(PartState.Unavailable);
    public Dictionary<string, PagePart<CandidateVetting>> Vettings { get; } = [];

    /// <summary>The service's objections to the last settlement, by the field they name (reason, decision).</summary>
    public Dictionary<string, string> FieldErrors { get; } = [];

    /// <summary>An objection to the last settlement that names no field of the form: the vetting changed, is settled, …</summary>
    public string? FormError { get; private set; }

    /// <summary>A Delegate Affairs reviewer: the forms are shown only to them (the service refuses everyone else anyway).</summary>
    public bool IsReviewer => session.Body == "delegate-affairs" && session.Is("reviewer");

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var candidates = new CandidateService.CandidateServiceClient(channels["delegate-affairs"]);
        var decision = Decision switch
        {
            "eligible" => VettingStatus.Eligible,
            "ineligible" => VettingStatus.Ineligible,
            _ => VettingStatus.Unspecified,
        };
        try
        {
            var settled = await candidates.SettleCandidateVettingAsync(new SettleCandidateVettingRequest
            {
                CandidateId = CandidateId ?? "", Etag = Etag ?? "", Decision = decision, Reason = Reason ?? "",
            }, await session.CallAsync());
            Settled = string.Join('\n', settled.CandidateId, (CandidateName ?? "").ReplaceLineEndings(" "), ElectionLabels.Vetting(settled.Status));
            return Redirect(Request.Path.Add(Request.QueryString));
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.InvalidArgument)
        {
            var refusal = ServiceRefusal.Of(e);
            foreach (var field in refusal.Fields)
            {
                var message = ErrorTexts.Field(field.Reason, field.Field, field.Values) ?? "Giá trị không hợp lệ.";
                switch (field.Field)
                {
                    case "reason" or "decision":
                        FieldErrors[field.Field] = message;
                        break;
                    default:
                        FormError = $"Không ghi được kết luận: {message} Hãy tải lại trang và thử lại.";
                        break;
                }
            }
            if (refusal.Fields.Count == 0)
            {
                FormError = "Không ghi được kết luận: dữ liệu gửi đi không hợp lệ. Hãy tải lại trang và thử lại.";
            }
        }
        catch (RpcException e)
        {
            FormError = e.StatusCode switch
            {
                GrpcStatus.FailedPrecondition =>
                    "Không ghi được kết luận: hồ sơ này không còn ở trạng thái cần xem xét (đã có người kết luận, hoặc kết quả thẩm tra, xác minh đã thay đổi). Danh sách dưới đây đã được tải lại.",
                GrpcStatus.Aborted =>
                    "Không ghi được kết luận: kết quả thẩm tra, xác minh vừa thay đổi trong lúc bạn xem. Hãy đọc lại các lý do bên dưới rồi ghi lại kết luận.",
                GrpcStatus.PermissionDenied => "Không ghi được kết luận: chỉ người xem xét của Ban Công tác đại biểu được kết luận thẩm tra.",
                GrpcStatus.NotFound => "Không ghi được kết luận: không tìm thấy kết quả thẩm tra, xác minh của người ứng cử này.",
                _ => "Không ghi được kết luận: dịch vụ của Ban Công tác đại biểu đang không trả lời. Kết luận chưa được ghi; hãy thử lại sau.",
            };
            if (e.StatusCode is not (GrpcStatus.FailedPrecondition or GrpcStatus.Aborted or GrpcStatus.PermissionDenied or GrpcStatus.NotFound))
            {
                logger.LogWarning("The screens could not settle a vetting: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            }
        }
        await LoadAsync();
        return Page();
    }

    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>"quoc-hoi-xv.01-02" → "Hà Nội, đơn vị số 2".</summary>
    public string Constituency(string id) => Screens.Places.ProvinceNames.Constituency(id, ProvinceNames);

    /// <summary>The failed form's own value of a field, to show it again.</summary>
    public string? Posted(string candidateId, string? value) => candidateId == CandidateId ? value : null;

    /// <summary>The election's review queue, a page at a time, and the vetting (reasons, etag) of each candidate on it.</summary>
    private async Task LoadAsync()
    {
        var channel = channels["delegate-affairs"];
        var elections = new ElectionService.ElectionServiceClient(channel);
        var candidates = new CandidateService.CandidateServiceClient(channel);
        var options = await session.CallAsync();
        var election = PageParts.LoadAsync(async () => await elections.GetElectionAsync(new GetElectionRequest { Id = Id }, options), logger, "an election");
        var queue = PageParts.LoadAsync(async () => await candidates.ListCandidatesAsync(new ListCandidatesRequest
        {
            ElectionId = Id, VettingStatus = ElectionLabels.FilterName(VettingStatus.NeedsReview), PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the review queue");
        (Election, Queue) = (await election, await queue);
        ProvinceNames = await provinces.GetAsync(Election.Value?.ElectionDay ?? ""); // the provinces as on election day
        if (Queue.Value is { } page)
        {
            var vettingOptions = await session.CallAsync();
            var vettings = await Task.WhenAll(page.Candidates.Select(async c => (c.Id, await PageParts.LoadAsync(async () =>
                await candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = c.Id }, vettingOptions), logger, "a vetting"))));
            foreach (var (id, vetting) in vettings)
            {
                Vettings[id] = vetting;
            }
        }
    }
}
