using Grpc.Core;

namespace Platform.Screens.Parts;

/// <summary>Why a part of a page has nothing to show.</summary>
public enum PartState
{
    Shown,
    /// <summary>The service did not answer in time (down, slow, or failing): the part says so, the rest of the page reads.</summary>
    Unavailable,
    /// <summary>The service refused the person (PermissionDenied): the part says who may see it.</summary>
    Denied,
    NotFound,
    /// <summary>The service found the request invalid (InvalidArgument): a filter or page token the person edited.</summary>
    Rejected,
}

/// <summary>
/// One part of a page read from one service: what the service answered, or why there is nothing. A failing call
/// becomes a state of its part, never an error page, so the other parts still show.
/// </summary>
public sealed class PagePart<T> where T : class
{
    private PagePart(T? value, PartState state) => (Value, State) = (value, state);

    public T? Value { get; }
    public PartState State { get; }
    public bool Shown => State == PartState.Shown;

    public static PagePart<T> Of(T value) => new(value, PartState.Shown);
    public static PagePart<T> Without(PartState state) => new(null, state);
}

public static class PageParts
{
    /// <summary>Calls a service for one part; a cancelled request still throws (nobody is waiting for the page).</summary>
    public static async Task<PagePart<T>> LoadAsync<T>(Func<Task<T>> call, ILogger logger, string what) where T : class
    {
        try
        {
            return PagePart<T>.Of(await call());
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            return PagePart<T>.Without(PartState.Denied);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return PagePart<T>.Without(PartState.NotFound);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            return PagePart<T>.Without(PartState.Rejected);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            logger.LogWarning("The screens could not read {What}: {Status}", what, e.StatusCode); // the detail may name a person (a national ID)
            return PagePart<T>.Without(PartState.Unavailable);
        }
    }
}
