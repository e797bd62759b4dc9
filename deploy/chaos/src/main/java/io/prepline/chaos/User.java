package io.prepline.chaos;

/** Someone the load acts as: a user id and a token of the local identity provider with the user's role. */
record User(String id, String token) {
}
