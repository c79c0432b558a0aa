package io.jumbe.core.signup;

/**
 * What an applicant sends to {@code POST /api/signup}.
 *
 * @param name     the organisation
 * @param email    where the verification link and, once approved, the live key go
 * @param phone    a Kenyan mobile number ({@code 07…}, {@code +254…})
 * @param senderId the sender id asked for: 3 to 11 letters, digits, hyphens or spaces; granted only on approval
 * @param useCase  what the messages are for, in a few words (optional)
 */
public record SignupRequest(String name, String email, String phone, String senderId, String useCase) {
}
