using ContestSite.Core.Text;

namespace ContestSite.Core.Teams;

/// <summary>A member's phone number is whole only for the member and for organizers; others see 138****1234.</summary>
public static class MemberPrivacy
{
    public static string PhoneShownTo(TeamMember member, string? viewerId, bool viewerIsOrganizer) =>
        viewerIsOrganizer || member.UserId == viewerId ? member.Phone : PersonalData.MaskPhone(member.Phone);
}
