using Google.Protobuf;
using Platform.DelegateAffairs.V1;
using Platform.Api.Errors;

namespace Platform.UnitTests;

/// <summary>Where request bytes stop being a valid message, named as a field path (MalformedGrpcRequestMiddleware answers with it).</summary>
public sealed class WireProblemsTests
{
    [Fact]
    public void A_valid_message_has_no_problem()
    {
        var request = new CreateCandidateRequest { Candidate = new Candidate { FullName = "Nguyễn Thị Ánh", DossierItems = { DossierItem.Photos } } };

        Assert.Null(WireProblems.Find(CreateCandidateRequest.Descriptor, request.ToByteArray()));
    }

    [Fact]
    public void The_path_names_the_element_of_a_repeated_field_whose_string_is_not_utf8()
    {
        var batch = new BatchCreateCandidatesRequest { ElectionId = "e", Requests = { new CreateCandidateRequest(), new CreateCandidateRequest() } }.ToByteArray();
        // requests (2) { candidate (1) { full_name (5): FF } }: a third element whose name is not UTF-8.
        byte[] request = [.. batch, 0x12, 0x05, 0x0a, 0x03, 0x2a, 0x01, 0xff];

        var violation = WireProblems.Find(BatchCreateCandidatesRequest.Descriptor, request);

        Assert.Equal("requests[2].candidate.full_name", violation?.Field);
    }

    [Fact]
    public void A_surrogate_encoded_in_utf8_is_not_utf8()
    {
        byte[] request = [0x0a, 0x05, 0x2a, 0x03, 0xed, 0xa0, 0x80]; // candidate { full_name: U+D800 as three bytes }

        Assert.Equal("candidate.full_name", WireProblems.Find(CreateCandidateRequest.Descriptor, request)?.Field);
    }

    [Fact]
    public void A_nested_message_that_ends_early_names_the_nested_field()
    {
        byte[] request = [0x0a, 0x32, 0x2a, 0x01, 0x41]; // candidate declared 50 bytes long, 3 sent

        Assert.Equal("candidate", WireProblems.Find(CreateCandidateRequest.Descriptor, request)?.Field);
    }
}
