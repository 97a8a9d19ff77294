namespace Platform.ClientPackageTests;

/// <summary>One running platform for the package's tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClientPackageCollection : ICollectionFixture<Platform.SystemTests.PlatformFixture>
{
    public const string Name = "platform";
}
