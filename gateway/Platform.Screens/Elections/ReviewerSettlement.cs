using Grpc.Core;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Forms;
using GrpcStatus = Grpc.Core.StatusCode;

namespace Platform.Screens.Elections;

/// <summary>What came of a reviewer's settlement: the vetting settled, or the service's objections by field and in words.</summary>
public sealed record SettlementOutcome(CandidateVetting? Settled, IReadOnlyDictionary<string, string> FieldErrors, string? FormError);

/// <summary>
/// A Delegate Affairs reviewer settles a vetting that needs review (eligible or not, with a written reason), from the
/// review queue or from the candidate's page where the evidence is. The service judges it; its field violations come
/// back by the field they name (reason, decision), its refusals as a sentence.
/// </summary>
public static class ReviewerSettlement
{
    public static async Task<SettlementOutcome> SettleAsync(ServiceChannels channels, ScreenSession session, ILogger logger,
        string candidateId, string etag, string? decision, string reason)
    {
        var candidates = new CandidateService.CandidateServiceClient(channels["delegate-affairs"]);
        var status = decision switch
        {
            "eligible" => VettingStatus.Eligible,
            "ineligible" => VettingStatus.Ineligible,
            _ => VettingStatus.Unspecified, // the service names the field
        };
        try
        {
            var settled = await candidates.SettleCandidateVettingAsync(new SettleCandidateVettingRequest
            {
                CandidateId = candidateId, Etag = etag, Decision = status, Reason = reason,
            }, await session.CallAsync());
            return new SettlementOutcome(settled, new Dictionary<string, string>(), null);
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.InvalidArgument)
        {
            var fields = new Dictionary<string, string>();
            string? formError = null;
            var refusal = ServiceRefusal.Of(e);
            foreach (var field in refusal.Fields)
            {
                var message = ErrorTexts.Field(field.Reason, field.Field, field.Values) ?? "Giá trị không hợp lệ.";
                if (field.Field is "reason" or "decision")
                {
                    fields[field.Field] = message;
                }
                else
                {
                    formError = $"Không ghi được kết luận: {message} Hãy tải lại trang và thử lại.";
                }
            }
            if (refusal.Fields.Count == 0)
            {
                formError = "Không ghi được kết luận: dữ liệu gửi đi không hợp lệ. Hãy tải lại trang và thử lại.";
            }
            return new SettlementOutcome(null, fields, formError);
        }
        catch (RpcException e)
        {
            var formError = e.StatusCode switch
            {
                GrpcStatus.FailedPrecondition =>
                    "Không ghi được kết luận: hồ sơ này không còn ở trạng thái cần xem xét (đã có người kết luận, hoặc kết quả thẩm tra, xác minh đã thay đổi). Trang đã được tải lại.",
                GrpcStatus.Aborted =>
                    "Không ghi được kết luận: kết quả thẩm tra, xác minh vừa thay đổi trong lúc bạn xem. Hãy đọc lại các lý do rồi ghi lại kết luận.",
                GrpcStatus.PermissionDenied => "Không ghi được kết luận: chỉ người xem xét của Ban Công tác đại biểu được kết luận thẩm tra.",
                GrpcStatus.NotFound => "Không ghi được kết luận: không tìm thấy kết quả thẩm tra, xác minh của người ứng cử này.",
                _ => "Không ghi được kết luận: dịch vụ của Ban Công tác đại biểu đang không trả lời. Kết luận chưa được ghi; hãy thử lại sau.",
            };
            if (e.StatusCode is not (GrpcStatus.FailedPrecondition or GrpcStatus.Aborted or GrpcStatus.PermissionDenied or GrpcStatus.NotFound))
            {
                logger.LogWarning("The screens could not settle a vetting: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            }
            return new SettlementOutcome(null, new Dictionary<string, string>(), formError);
        }
    }
}
