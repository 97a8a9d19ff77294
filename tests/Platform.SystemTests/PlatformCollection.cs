namespace Platform.SystemTests;

/// <summary>One platform for all system tests, which therefore run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
