namespace Platform.Contracts.Errors;

/// <summary>
/// Every reason the platform gives for a refusal (AIP-193): the <c>reason</c> of the <c>google.rpc.ErrorInfo</c>
/// that each error status carries, and the <c>reason</c> of each <c>google.rpc.BadRequest</c> field violation.
/// A reason is stable: callers branch on it (the screens map it to Vietnamese), never on the English message,
/// which may be reworded. A new reason is added here, with a line in the screens' table
/// (<c>gateway/Platform.Screens/Forms/ErrorTexts.cs</c>); an existing one is never renamed.
/// The ErrorInfo's <c>domain</c> is the service that answered: <c>organization</c>, <c>home-affairs</c>,
/// <c>delegate-affairs</c>, or <c>gateway</c> for what the gateway refuses itself.
/// </summary>
public static class ErrorReasons
{
    // ---- The status as a whole (ErrorInfo.reason) ----

    /// <summary>InvalidArgument: fields of the request are at fault; the BadRequest detail names each with its own reason.</summary>
    public const string InvalidFields = "INVALID_FIELDS";

    /// <summary>InvalidArgument: the request is not a message of its type (JSON that does not convert, bytes that do not parse).</summary>
    public const string MalformedRequest = "MALFORMED_REQUEST";

    /// <summary>NotFound: metadata <c>resourceType</c> and <c>resourceId</c> name what is missing.</summary>
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";

    /// <summary>AlreadyExists: metadata <c>resourceType</c> and <c>resourceId</c> (when known) name the existing resource.</summary>
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";

    /// <summary>Aborted: the resource changed since the caller read it (its etag is stale, or a writer won the race): read again, retry.</summary>
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";

    /// <summary>FailedPrecondition: the conference is concluded; nothing but its outcome records may change.</summary>
    public const string ConferenceConcluded = "CONFERENCE_CONCLUDED";

    /// <summary>FailedPrecondition: the conference was cancelled; nothing of it changes any more.</summary>
    public const string ConferenceCancelled = "CONFERENCE_CANCELLED";

    /// <summary>FailedPrecondition: the conference is no longer being planned (scheduled, concluded or cancelled).</summary>
    public const string ConferenceNotPlanning = "CONFERENCE_NOT_PLANNING";

    /// <summary>FailedPrecondition: the conference is not scheduled, so attendance, good practices or a conclusion cannot be recorded yet.</summary>
    public const string ConferenceNotScheduled = "CONFERENCE_NOT_SCHEDULED";

    /// <summary>FailedPrecondition: a required body has not finished its part; metadata <c>missing</c> says what is missing.</summary>
    public const string ConferenceNotReady = "CONFERENCE_NOT_READY";

    /// <summary>FailedPrecondition: the lead body cannot decline its own conference (it postpones or cancels it).</summary>
    public const string LeadCannotDecline = "LEAD_CANNOT_DECLINE";

    /// <summary>FailedPrecondition: only a vetting that needs review is settled by a reviewer; metadata <c>status</c> is its status.</summary>
    public const string VettingNotInReview = "VETTING_NOT_IN_REVIEW";

    /// <summary>Unauthenticated: no valid access token came with the call.</summary>
    public const string AccessTokenRequired = "ACCESS_TOKEN_REQUIRED";

    /// <summary>PermissionDenied: the caller belongs to none of the three bodies.</summary>
    public const string NotAMember = "NOT_A_MEMBER";

    /// <summary>PermissionDenied: only members of the owning body (metadata <c>body</c>) may do this.</summary>
    public const string OtherBodysResource = "OTHER_BODYS_RESOURCE";

    /// <summary>PermissionDenied: the caller lacks the role (metadata <c>roles</c>: the roles that may).</summary>
    public const string RoleRequired = "ROLE_REQUIRED";

    /// <summary>PermissionDenied: the token lacks the scope (metadata <c>scope</c>).</summary>
    public const string ScopeRequired = "SCOPE_REQUIRED";

    /// <summary>PermissionDenied (403 over JSON): the gateway's own policy refuses the access token for this route.</summary>
    public const string TokenNotAllowed = "TOKEN_NOT_ALLOWED";

    /// <summary>PermissionDenied: the method declares no access rule, so nobody may call it (a defect of ours, logged).</summary>
    public const string NoAccessRule = "NO_ACCESS_RULE";

    /// <summary>ResourceExhausted: too many requests from this person or client; try again after Retry-After seconds.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>ResourceExhausted (413 over JSON): the request is larger than the limit (metadata <c>maxBytes</c>).</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>Unavailable: the service's database cannot be reached just now; retry shortly.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>Unavailable: the message broker cannot be reached just now; retry shortly.</summary>
    public const string BrokerUnavailable = "BROKER_UNAVAILABLE";

    /// <summary>Unavailable (502/503/504 over JSON): the gateway could not reach the service behind it.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>NotFound (404 over JSON): no route of the gateway matches the path.</summary>
    public const string RouteNotFound = "ROUTE_NOT_FOUND";

    /// <summary>
    /// InvalidArgument: a call to a service several bodies implement (platform.jointplanning.v1,
    /// platform.operations.v1, platform.audit.v1, platform.referencedata.v1) reached the gateway's gRPC port without
    /// naming the body in the <c>platform-body</c> metadata (or naming none of the three; metadata <c>bodies</c>: the
    /// names it takes).
    /// </summary>
    public const string BodyNotNamed = "BODY_NOT_NAMED";

    /// <summary>
    /// FailedPrecondition: the call names another body (the <c>platform-body</c> metadata or the JSON path) than the
    /// service it reached (metadata <c>body</c>: the service's own).
    /// </summary>
    public const string WrongBody = "WRONG_BODY";

    /// <summary>Cancelled: the caller went away or its deadline passed.</summary>
    public const string RequestCancelled = "REQUEST_CANCELLED";

    /// <summary>Internal: a defect of ours, logged with the request's trace id.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    // ---- One field (BadRequest.FieldViolation.reason); values the message names are in ErrorInfo.metadata ----
    // Metadata keys of a field violation are "violation{index}{Name}", e.g. violation0Max = "300": AIP-193 keys are
    // lowerCamelCase names, and one request may break several fields with different limits.

    /// <summary>The field is empty and must be given.</summary>
    public const string Required = "REQUIRED";

    /// <summary>The text is longer than allowed (metadata <c>Max</c>: characters).</summary>
    public const string TextTooLong = "TEXT_TOO_LONG";

    /// <summary>The list has too few or too many items (metadata <c>Min</c>, <c>Max</c>).</summary>
    public const string ItemCountOutOfRange = "ITEM_COUNT_OUT_OF_RANGE";

    /// <summary>The number is outside its range (metadata <c>Min</c> and, where bounded, <c>Max</c>).</summary>
    public const string NumberOutOfRange = "NUMBER_OUT_OF_RANGE";

    /// <summary>The text is not a date YYYY-MM-DD.</summary>
    public const string InvalidDate = "INVALID_DATE";

    /// <summary>The text is not a time HH:MM.</summary>
    public const string InvalidTime = "INVALID_TIME";

    /// <summary>The text does not have the form the field needs (a code, an id, a term, a number of digits…); the message says which.</summary>
    public const string InvalidFormat = "INVALID_FORMAT";

    /// <summary>The value is not one of those the field allows (an enum, a status).</summary>
    public const string NotAllowedValue = "NOT_ALLOWED_VALUE";

    /// <summary>The value appears twice where each must be unique (metadata <c>Value</c> when known).</summary>
    public const string Duplicate = "DUPLICATE";

    /// <summary>The value names something that does not exist (metadata <c>Value</c>): an administrative unit, an election, an organization…</summary>
    public const string UnknownReference = "UNKNOWN_REFERENCE";

    /// <summary>The administrative unit (metadata <c>Value</c>) does not exist on the date (metadata <c>Date</c>): merged or not yet created.</summary>
    public const string UnitNotValidOnDate = "UNIT_NOT_VALID_ON_DATE";

    /// <summary>The body or bridge point (metadata <c>Value</c>) does not take part in this conference.</summary>
    public const string NotAParticipant = "NOT_A_PARTICIPANT";

    /// <summary>The date is earlier than it may be (metadata <c>Bound</c>: the field or date it may not precede).</summary>
    public const string DateTooEarly = "DATE_TOO_EARLY";

    /// <summary>The date is later than it may be (metadata <c>Bound</c>: the field or date it may not follow, or "today").</summary>
    public const string DateTooLate = "DATE_TOO_LATE";

    /// <summary>The field contradicts another field or the resource's state (the message says how).</summary>
    public const string Inconsistent = "INCONSISTENT";

    /// <summary>The etag is not one this API returned.</summary>
    public const string InvalidEtag = "INVALID_ETAG";

    /// <summary>The page token is not one this API returned (or belongs to another query).</summary>
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";

    /// <summary>The text holds a character that cannot be stored (NUL, U+0000), or the field's bytes do not parse.</summary>
    public const string MalformedValue = "MALFORMED_VALUE";
}
