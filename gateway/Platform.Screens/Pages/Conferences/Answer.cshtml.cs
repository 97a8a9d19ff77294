using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>A co-organizer's answer to the invitation, to its own body's service: accept, or decline with the reason.</summary>
public sealed class AnswerModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public Task<IActionResult> OnPostAsync()
    {
        var response = Answer.Response switch
        {
            "accept" => InvitationResponse.Accepted,
            "decline" => InvitationResponse.Declined,
            _ => InvitationResponse.Unspecified,
        };
        return UpdateParticipationAsync(
            (_, change) => (change.Response, change.DeclineReason) = (response, Answer.DeclineReason ?? ""),
            ["response", "decline_reason"],
            field => field switch
            {
                "participation.response" => "answer-response",
                "participation.decline_reason" => "answer-decline-reason",
                _ => null,
            },
            () => response == InvitationResponse.Declined ? "Đã gửi lời từ chối." : "Đã gửi trả lời.");
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.Answer = Answer;
}
