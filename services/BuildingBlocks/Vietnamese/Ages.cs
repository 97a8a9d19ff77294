namespace Platform.Vietnamese;

public static class Ages
{
    /// <summary>Age in whole years on a day.</summary>
    public static int On(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}
